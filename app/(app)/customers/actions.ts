"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { CUSTOMERS_ACTION } from "@/lib/customers/access";
import { rebuildCustomers, type RebuildReport } from "@/lib/customers/rebuild";
import { customerSettingsSchema, saveCustomerSettings } from "@/lib/customers/settings";

export type SettingsState = { status: "idle" | "saved" | "invalid" };
export type RebuildState = { status: "idle" } | { status: "done"; report: RebuildReport };

export async function saveCustomerSettingsAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  const viewer = await requirePermission(CUSTOMERS_ACTION);
  const parsed = customerSettingsSchema.safeParse({ vipTotalThreshold: form.get("vipTotalThreshold"), inactiveDays: form.get("inactiveDays") });
  if (!parsed.success) return { status: "invalid" };
  await saveCustomerSettings(await getDb(), viewer.orgId, parsed.data);
  revalidatePath("/customers");
  return { status: "saved" };
}

export async function rebuildCustomersAction(): Promise<RebuildState> {
  const viewer = await requirePermission(CUSTOMERS_ACTION);
  const report = await rebuildCustomers(await getDb(), { orgId: viewer.orgId });
  revalidatePath("/customers");
  return { status: "done", report };
}

"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { adminMessages } from "@/lib/i18n/admin-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { updateOrgSettings } from "@/lib/org/settings";
import { orgSettingsSchema } from "@/lib/org/settings-schema";
import { describeFormError, textValues, type FormState } from "../form-state";

const fieldNames = ["name", "baseCurrency", "timezone", "locale", "country"] as const;

export async function updateOrgSettingsAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = adminMessages[locale];
  const values = textValues(form, fieldNames);
  try {
    await updateOrgSettings(await getDb(), viewer, orgSettingsSchema.parse(values));
    // Every page shows the organisation's name and counts in its currency and time zone.
    revalidatePath("/", "layout");
    return { status: "success", message: t.org.saved };
  } catch (error) {
    const { orgName, baseCurrency, timezone, locale: localeField, country } = t.errors.fields;
    return { status: "error", ...describeFormError(error, locale, { name: orgName, baseCurrency, timezone, locale: localeField, country }), values };
  }
}

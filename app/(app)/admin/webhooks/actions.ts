"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { replayDeadEvents, replayEvent } from "@/lib/ingest/admin/events";
import { kickProcessor } from "@/lib/ingest/process/kick";

export async function replayEventAction(form: FormData): Promise<void> {
  const viewer = await requirePermission("sources:manage");
  const id = z.coerce.number().int().positive().safeParse(form.get("eventId"));
  if (!id.success) return;
  const db = await getDb();
  await replayEvent(db, viewer.orgId, id.data);
  kickProcessor(db);
  revalidatePath("/admin/webhooks");
}

export async function replayDeadAction(form: FormData): Promise<void> {
  const viewer = await requirePermission("sources:manage");
  const sourceId = z.uuid().safeParse(form.get("sourceId"));
  if (!sourceId.success) return;
  const db = await getDb();
  await replayDeadEvents(db, viewer.orgId, sourceId.data);
  kickProcessor(db);
  revalidatePath("/admin/webhooks");
}

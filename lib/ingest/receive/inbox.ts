// Writing one delivery into the inbox: a single INSERT, so the row is committed before we answer.
import { webhookEvents } from "@/db/schema";
import type { Db } from "@/db/types";

export type InboxStatus = "pending" | "rejected" | "ignored";

export type InboxEntry = {
  orgId: string;
  sourceId: string;
  eventType: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  body: string;
  status: InboxStatus;
  reason?: string;
};

/** Headers worth keeping for diagnosis; never cookies, authorisation or signatures. */
const KEPT_HEADERS = ["content-type", "content-length", "user-agent", "x-forwarded-for", "x-real-ip", "x-request-id"];

export function keptHeaders(headers: Headers): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 500);
  }
  return kept;
}

export async function storeInboxEvent(db: Db, entry: InboxEntry): Promise<number> {
  const isFinal = entry.status !== "pending";
  const [row] = await db
    .insert(webhookEvents)
    .values({
      orgId: entry.orgId,
      sourceId: entry.sourceId,
      eventType: entry.eventType,
      contentType: entry.contentType,
      headers: entry.headers,
      body: entry.body,
      status: entry.status,
      lastError: entry.reason ?? null,
      processedAt: isFinal ? new Date() : null,
    })
    .returning({ id: webhookEvents.id });
  return row.id;
}

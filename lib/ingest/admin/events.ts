// The admin's view of the inbox: a filtered, paged list, one event in full, and replays. Every
// query is limited to the admin's organisation.
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { sources, webhookEvents, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import { NotFoundError } from "@/lib/errors";
import { connectorFor } from "@/lib/connectors/registry";
import type { SourceKind } from "@/db/schema";

export const EVENT_STATUSES = ["pending", "processing", "done", "rejected", "ignored", "failed", "dead"] as const;
export const PAGE_SIZE = 50;

export const eventFiltersSchema = z.object({
  source: z.uuid().optional().catch(undefined),
  status: z.enum(EVENT_STATUSES).optional().catch(undefined),
  type: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
  event: z.coerce.number().int().positive().optional().catch(undefined),
});
export type EventFilters = z.infer<typeof eventFiltersSchema>;

export type EventListRow = {
  id: number;
  sourceId: string;
  sourceName: string;
  kind: SourceKind;
  eventType: string | null;
  status: (typeof EVENT_STATUSES)[number];
  attempts: number;
  lastError: string | null;
  lastFailure: RunFailure | null;
  receivedAt: Date;
  processedAt: Date | null;
};

export async function listEvents(db: Db, orgId: string, filters: EventFilters): Promise<{ rows: EventListRow[]; total: number }> {
  const where = and(
    eq(webhookEvents.orgId, orgId),
    filters.source ? eq(webhookEvents.sourceId, filters.source) : undefined,
    filters.status ? eq(webhookEvents.status, filters.status) : undefined,
    filters.type ? sql`${webhookEvents.eventType} ilike ${`%${filters.type.replace(/[%_\\]/g, "\\$&")}%`}` : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: webhookEvents.id,
        sourceId: webhookEvents.sourceId,
        sourceName: sources.name,
        kind: sources.kind,
        eventType: webhookEvents.eventType,
        status: webhookEvents.status,
        attempts: webhookEvents.attempts,
        lastError: webhookEvents.lastError,
        lastFailure: webhookEvents.lastFailure,
        receivedAt: webhookEvents.receivedAt,
        processedAt: webhookEvents.processedAt,
      })
      .from(webhookEvents)
      .innerJoin(sources, eq(sources.id, webhookEvents.sourceId))
      .where(where)
      .orderBy(desc(webhookEvents.id))
      .limit(PAGE_SIZE)
      .offset((filters.page - 1) * PAGE_SIZE),
    db.select({ total: count() }).from(webhookEvents).where(where),
  ]);
  return { rows, total };
}

export async function getEvent(db: Db, orgId: string, id: number) {
  const [row] = await db
    .select({ event: webhookEvents, sourceName: sources.name, kind: sources.kind })
    .from(webhookEvents)
    .innerJoin(sources, eq(sources.id, webhookEvents.sourceId))
    .where(and(eq(webhookEvents.id, id), eq(webhookEvents.orgId, orgId)))
    .limit(1);
  if (!row) return null;
  // Secrets in stored bodies are masked on arrival; the kind's connector masks rows stored before that too.
  const mask = connectorFor(row.kind).maskStoredBody;
  return mask ? { ...row, event: { ...row.event, body: mask(row.event.body) } } : row;
}

const replayed = { status: "pending" as const, attempts: 0, nextAttemptAt: sql`now()`, lastError: null, lastFailure: null, processedAt: null };

/** Back into the queue, as if just received; processing is idempotent, so a replay of a done event is harmless. */
export async function replayEvent(db: Db, orgId: string, id: number): Promise<void> {
  const rows = await db
    .update(webhookEvents)
    .set(replayed)
    .where(and(eq(webhookEvents.id, id), eq(webhookEvents.orgId, orgId), sql`${webhookEvents.status} <> 'pending'`))
    .returning({ id: webhookEvents.id });
  if (rows.length === 0) {
    const exists = await getEvent(db, orgId, id);
    if (!exists) throw new NotFoundError("Webhook event");
  }
}

/** Every dead event of one source back into the queue; returns how many. */
export async function replayDeadEvents(db: Db, orgId: string, sourceId: string): Promise<number> {
  const rows = await db
    .update(webhookEvents)
    .set(replayed)
    .where(and(eq(webhookEvents.orgId, orgId), eq(webhookEvents.sourceId, sourceId), inArray(webhookEvents.status, ["dead"])))
    .returning({ id: webhookEvents.id });
  return rows.length;
}

export async function listOrgSources(db: Db, orgId: string) {
  return db.select().from(sources).where(eq(sources.orgId, orgId)).orderBy(sources.createdAt);
}

// Writing deliveries into the inbox. The row is committed before the sender is answered; under load
// the deliveries of a few milliseconds share one INSERT (group commit, ./group-commit.ts).
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import type { HeaderReader } from "./delivery";
import { createGroupCommit, type GroupCommit } from "./group-commit";
import { processSlot } from "@/lib/process-slot";
import { inEnglish, type EventFailure } from "../event-failure";

export type InboxStatus = "pending" | "rejected" | "ignored";

export type InboxEntry = {
  orgId: string;
  sourceId: string;
  eventType: string | null;
  contentType: string | null;
  headers: Record<string, string>;
  body: string;
  status: InboxStatus;
  failure?: EventFailure;
};

/** Headers worth keeping for diagnosis; never cookies, authorisation or signatures. */
const KEPT_HEADERS = ["content-type", "content-length", "user-agent", "x-forwarded-for", "x-real-ip", "x-request-id"];

export function keptHeaders(headers: HeaderReader): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 500);
  }
  return kept;
}

/** One delivery alone (tests, tools); receivers go through `inboxWriter`, which groups them. */
export async function storeInboxEvent(db: Db, entry: InboxEntry): Promise<number> {
  const [id] = await storeInboxEvents(db, [entry]);
  return id;
}

/**
 * One INSERT for all, so one commit; the ids come back in the order of `entries`. The rows travel
 * as one JSON parameter: building a multi-row VALUES list through the query builder cost more CPU
 * per delivery than anything else of ours on the receiving thread.
 */
export async function storeInboxEvents(db: Db, entries: InboxEntry[]): Promise<number[]> {
  const now = new Date().toISOString();
  const rows = entries.map((entry, i) => ({
    i,
    org_id: entry.orgId,
    source_id: entry.sourceId,
    event_type: wellFormed(entry.eventType),
    content_type: wellFormed(entry.contentType),
    headers: entry.headers,
    body: wellFormed(entry.body),
    status: entry.status,
    last_error: entry.failure ? wellFormed(inEnglish(entry.failure)) : null,
    last_failure: entry.failure ? wellFormedFailure(entry.failure) : null,
    processed_at: entry.status !== "pending" ? now : null,
  }));
  const inserted = await selectRows<{ id: number | string }>(
    db,
    sql`insert into webhook_events (org_id, source_id, event_type, content_type, headers, body, status, last_error, last_failure, processed_at)
      select org_id, source_id, event_type, content_type, headers, body, status, last_error, last_failure, processed_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(i int, org_id uuid, source_id uuid, event_type text, content_type text,
        headers jsonb, body text, status webhook_status, last_error text, last_failure jsonb, processed_at timestamptz)
      order by r.i
      returning id`,
  );
  if (inserted.length !== entries.length) throw new Error(`inbox: ${inserted.length} rows stored for ${entries.length} deliveries`);
  // Ids are drawn from the sequence in insertion order (the ORDER BY): ascending ids are the entries in order.
  return inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
}

/**
 * A half of a surrogate pair (an event name cut at its length limit mid-emoji) and a NUL character
 * (a body the receiver rejected for it) as U+FFFD — what writing the text as UTF-8 did for the
 * first; PostgreSQL refuses both in text and jsonb, and with them the whole row.
 */
function wellFormed<T extends string | null>(text: T): T {
  return (text === null ? text : text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g, "\uFFFD")) as T;
}

/** The same for a failure's words and parameters (an event name among them). */
function wellFormedFailure(failure: EventFailure): EventFailure {
  const params = failure.params && Object.fromEntries(Object.entries(failure.params).map(([name, value]) => [name, typeof value === "string" ? wellFormed(value) : value]));
  return { code: failure.code, ...(params ? { params } : {}), ...(failure.details ? { details: wellFormed(failure.details) } : {}) };
}

/** Up to this many deliveries share one INSERT, and up to this many characters of bodies (a lone bigger one goes alone). */
const MAX_BATCH = 500;
const MAX_BATCH_CHARS = 4 * 1024 * 1024;
/**
 * INSERTs in flight at once per process. One: deliveries that arrive meanwhile wait for it and go
 * together in the next, which cost PostgreSQL less CPU per delivery than two in flight
 * (docs/webhooks.md, "Speed").
 */
const MAX_IN_FLIGHT = 1;

const writers = processSlot<WeakMap<Db, GroupCommit<InboxEntry, number>>>("InboxWriters");

/**
 * The inbox writer of this process for `db`: resolves with the event id once the delivery is
 * committed, together with whatever else arrived meanwhile; rejects when it could not be stored.
 */
export function inboxWriter(db: Db): GroupCommit<InboxEntry, number> {
  const byDb = writers.ensure(() => new WeakMap());
  let writer = byDb.get(db);
  if (!writer) {
    const write = (entries: InboxEntry[]) =>
      storeInboxEvents(db, entries).catch((error: unknown) => {
        // Once per failed INSERT, with the cause only: the query text would repeat every body.
        console.error(`[webhooks] could not store ${entries.length} deliveries: ${errorMessage(error)}`);
        throw error;
      });
    writer = createGroupCommit({ write, maxBatch: MAX_BATCH, maxWeight: MAX_BATCH_CHARS, weightOf: (entry) => entry.body.length, maxInFlight: MAX_IN_FLIGHT, isItemError: isDataError });
    byDb.set(db, writer);
  }
  return writer;
}

/** SQLSTATE class 22 (data exception, e.g. a NUL byte in text or jsonb): one row's fault, not the database's. */
function isDataError(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("22")) return true;
  }
  return false;
}

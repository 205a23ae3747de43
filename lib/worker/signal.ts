// Web instances tell the workers that work is waiting through PostgreSQL's LISTEN/NOTIFY: no broker
// to run, and a notification is delivered only after the transaction that stored the work commits.
// A missed one (a worker restarting, a transaction pooler that does not pass LISTEN on) costs only
// latency: workers also poll (the inbox every 5 s, queued syncs every 10 s).
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";

export const WORK_CHANNEL = "voronka_work";
export const WORK_KINDS = ["inbox", "sync"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** Signals within this window go as one: under a stream of webhooks one NOTIFY per delivery is wasted work. */
const COALESCE_MS = 20;
const pending = processSlot<Set<WorkKind>>("WorkSignals");

/** Tells every listening worker that `kind` work is waiting; never throws (the workers' polling covers a lost signal). */
export function signalWorkers(db: Db, kind: WorkKind): void {
  const kinds = pending.ensure(() => new Set());
  if (kinds.has(kind)) return;
  kinds.add(kind);
  setTimeout(() => {
    kinds.delete(kind);
    db.execute(sql`select pg_notify(${WORK_CHANNEL}, ${kind})`).catch((error: unknown) => console.error(`[worker] could not signal ${kind} work:`, errorMessage(error)));
  }, COALESCE_MS).unref?.();
}

export function isWorkKind(payload: string): payload is WorkKind {
  return (WORK_KINDS as readonly string[]).includes(payload);
}

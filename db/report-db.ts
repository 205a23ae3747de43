// Reports may read from a read replica (DATABASE_REPLICA_URL): they only read, and at a million
// deals they are most of the database's read load. The staleness is bounded: a replica whose
// replay lags more than REPORT_REPLICA_MAX_LAG_SECONDS behind (or that cannot be asked) is passed
// over for the primary until it catches up, so a report is never older than that bound. Writes
// never go there: only report reads ask for this handle.
import { sql } from "drizzle-orm";
import type { Db } from "./types";
import { env } from "@/lib/env";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { getDb } from "./client";
import { selectRows } from "./migrate";
import { postgresOptions } from "./postgres-options";
import * as schema from "./schema";

/** The lag is asked at most this often; between, the last answer stands. */
const LAG_CHECK_MS = 5_000;

export type Replica = {
  db: Db;
  /** Seconds the replica's replay is behind; 0 on a server that is not in recovery (a primary). */
  lagSeconds: () => Promise<number>;
};

type Choice = { at: number; useReplica: boolean };

export function replicaLagQuery(db: Db): () => Promise<number> {
  return async () => {
    const [row] = await selectRows<{ lag: string | number }>(
      db,
      sql`select case when pg_is_in_recovery() then coalesce(extract(epoch from now() - pg_last_xact_replay_timestamp()), 0) else 0 end as lag`,
    );
    return Number(row.lag);
  };
}

/**
 * The replica while its lag is within `maxLagSeconds`, else the primary. `state` keeps the last
 * answer for LAG_CHECK_MS, so a busy dashboard asks the replica once per few seconds, not per request.
 */
export async function chooseReportDb(primary: Db, replica: Replica | null, maxLagSeconds: number, state: { last?: Choice }, now = Date.now()): Promise<Db> {
  if (!replica) return primary;
  if (!state.last || now - state.last.at >= LAG_CHECK_MS) {
    let useReplica: boolean;
    try {
      useReplica = (await replica.lagSeconds()) <= maxLagSeconds;
    } catch (error) {
      console.error("[reports] the read replica could not be asked; reading from the primary:", errorMessage(error));
      useReplica = false;
    }
    state.last = { at: now, useReplica };
  }
  return state.last.useReplica ? replica.db : primary;
}

const replicaSlot = processSlot<Promise<Replica>>("ReportReplica");
const choiceState = processSlot<{ last?: Choice }>("ReportReplicaChoice");

/** The handle a report reads through: the replica when configured and fresh enough, else the app's database. */
export async function getReportDb(): Promise<Db> {
  const primary = await getDb();
  const url = env.DATABASE_REPLICA_URL;
  if (!url) return primary;
  const replica = await replicaSlot.ensure(() => openReplica(url));
  return chooseReportDb(primary, replica, env.REPORT_REPLICA_MAX_LAG_SECONDS, choiceState.ensure(() => ({})));
}

async function openReplica(url: string): Promise<Replica> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Read-only at the session level too: a write that strayed here fails instead of diverging.
  const client = postgres(url, { ...postgresOptions(url, env.DATABASE_POOL_SIZE), connection: { default_transaction_read_only: true } });
  const db: Db = drizzle(client, { schema });
  return { db, lagSeconds: replicaLagQuery(db) };
}

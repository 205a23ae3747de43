// Reading the deals list fast for exports: every column selected as the text the list hands over
// (ISO instants, decimal strings), so no Date or number is built per row, and on PostgreSQL one
// query read through a server-side cursor, so a million rows are sorted once, not once per batch.
import { sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Sql } from "postgres";
import { crmUsers, deals, pipelines, sources, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import type { DealListRow } from "./deal-list";

/** An instant as `Date#toISOString()` writes it (milliseconds, Z); `to_char`'s MS truncates as JS does. */
const isoText = (column: AnyPgColumn): SQL<string> => sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The list's columns, each as text, in the order of `DealListRow` — `rowOfValues` reads them back
 * by position, so the two must change together.
 */
export function dealTextFields(baseAmount: SQL) {
  return {
    id: sql<string>`${deals.id}::text`,
    externalId: deals.externalId,
    title: deals.title,
    managerId: sql<string | null>`${deals.crmUserId}::text`,
    managerName: crmUsers.name,
    pipelineId: sql<string>`${deals.pipelineId}::text`,
    pipelineName: pipelines.name,
    stageId: sql<string>`${deals.stageId}::text`,
    stageName: stages.name,
    semantic: sql<DealListRow["semantic"]>`${stages.semantic}::text`,
    amount: sql<string>`${deals.amount}::text`,
    currency: deals.currency,
    baseAmount: sql<string | null>`(${baseAmount})::numeric(18,2)::text`,
    createdAt: isoText(deals.createdAt),
    closedAt: sql<string | null>`${isoText(deals.closedAt)}`,
    sourceId: sql<string>`${deals.sourceId}::text`,
    sourceName: sources.name,
    utmSource: deals.utmSource,
    utmMedium: deals.utmMedium,
    utmCampaign: deals.utmCampaign,
  };
}

type Text = string | null;

/** One row of `dealTextFields` read as an array of texts. */
function rowOfValues(v: Text[]): DealListRow {
  return {
    id: v[0]!,
    externalId: v[1]!,
    title: v[2]!,
    managerId: v[3],
    managerName: v[4],
    pipelineId: v[5]!,
    pipelineName: v[6]!,
    stageId: v[7]!,
    stageName: v[8]!,
    semantic: v[9] as DealListRow["semantic"],
    amount: v[10]!,
    currency: v[11]!,
    baseAmount: v[12],
    createdAt: v[13]!,
    closedAt: v[14],
    sourceId: v[15]!,
    sourceName: v[16]!,
    utmSource: v[17],
    utmMedium: v[18],
    utmCampaign: v[19],
  };
}

/** The postgres-js client behind `db`, or null on PGlite (and inside a transaction, which has none). */
export function postgresClient(db: Db): Sql | null {
  const client = (db as { $client?: Partial<Sql> }).$client;
  return client && typeof client.unsafe === "function" && typeof client.reserve === "function" ? (client as Sql) : null;
}

/**
 * The rows of one query, `batchSize` at a time, through a server-side cursor: the next batch is
 * fetched only when asked for, and stopping early (`return()`) closes the cursor.
 */
export async function* streamThroughCursor(client: Sql, query: { sql: string; params: unknown[] }, batchSize: number): AsyncGenerator<DealListRow[]> {
  for await (const rows of client.unsafe(query.sql, query.params as never[]).values().cursor(batchSize)) {
    const batch = new Array<DealListRow>(rows.length);
    for (let i = 0; i < rows.length; i++) batch[i] = rowOfValues(rows[i] as unknown as Text[]);
    yield batch;
  }
}

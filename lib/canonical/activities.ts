// Activities (calls, e-mails, meetings, tasks): newest wins on the CRM's modification time.
import { sql } from "drizzle-orm";
import { activities } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { idsByExternalId } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalActivity, type SourceRef } from "./types";
import { storeRawPayloads } from "./raw-payloads";
import { chunk, lastPerExternalId, tally, upsertRows } from "./upsert";
import { withFacts } from "./facts";

const ACTIVITY_COLUMNS = [
  "type", "subject", "direction", "isCompleted", "crmUserId", "dealId", "leadId", "contactId", "startAt", "completedAt", "durationSeconds", "updatedAt", "deletedAt",
];

/** Talk time of calls from telephony statistics: external activity id → seconds. */
export async function applyCallDurations(db: Db, source: SourceRef, durations: Map<string, number>): Promise<ApplyResult> {
  return withFacts(db, source.orgId, (tx) => applyCallDurationsUnwrapped(tx, source, durations), (r) => ({ activityIds: r.ids }));
}

async function applyCallDurationsUnwrapped(db: Db, source: SourceRef, durations: Map<string, number>): Promise<ApplyResult> {
  const result = emptyResult();
  for (const part of chunk([...durations])) {
    // one JSON parameter for the whole chunk (see upsertRows)
    const values = JSON.stringify(part.map(([externalId, seconds]) => ({ external_id: externalId, seconds: Math.round(seconds) })));
    const rows = await selectRows<{ id: string }>(
      db as Db,
      sql`update activities a set duration_seconds = v.seconds from json_to_recordset(${values}::json) as v(external_id text, seconds int)
          where a.source_id = ${source.id} and a.external_id = v.external_id and a.duration_seconds is distinct from v.seconds
          returning a.id`,
    );
    result.updated += rows.length;
    result.unchanged += part.length - rows.length;
    result.ids.push(...rows.map((row) => row.id));
  }
  return result;
}

export async function applyActivities(db: Db, source: SourceRef, records: CanonicalActivity[]): Promise<ApplyResult> {
  return withFacts(db, source.orgId, (tx) => applyActivitiesUnwrapped(tx, source, records), (r) => ({ activityIds: r.ids }));
}

async function applyActivitiesUnwrapped(db: Db, source: SourceRef, records: CanonicalActivity[]): Promise<ApplyResult> {
  const result = emptyResult();
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "activities", source.id, part.map((r) => r.externalId))).keys());
    const users = await idsByExternalId(db, "crmUsers", source.id, part.map((r) => r.crmUserExternalId));
    const dealIds = await idsByExternalId(db, "deals", source.id, part.map((r) => r.dealExternalId));
    const leadIds = await idsByExternalId(db, "leads", source.id, part.map((r) => r.leadExternalId));
    const contactIds = await idsByExternalId(db, "contacts", source.id, part.map((r) => r.contactExternalId));
    const ref = (map: Map<string, string>, ext: string | null | undefined) => (ext ? (map.get(ext) ?? null) : null);
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      type: r.type,
      subject: r.subject ?? null,
      direction: r.direction ?? null,
      isCompleted: r.isCompleted,
      crmUserId: ref(users, r.crmUserExternalId),
      dealId: ref(dealIds, r.dealExternalId),
      leadId: ref(leadIds, r.leadExternalId),
      contactId: ref(contactIds, r.contactExternalId),
      startAt: r.startAt,
      completedAt: r.completedAt ?? null,
      durationSeconds: r.durationSeconds ?? null,
      updatedAt: r.updatedAt ?? null,
      deletedAt: r.deletedAt ?? null,
    }));
    // A record that does not know the call's talk time (it comes from telephony statistics) keeps the stored one.
    const known = rows.filter((_row, i) => part[i].durationSeconds !== undefined);
    const unknown = rows.filter((_row, i) => part[i].durationSeconds === undefined).map(withoutDuration);
    const written = [
      ...(await upsertRows(db, activities, known, { target: [activities.sourceId, activities.externalId], columns: ACTIVITY_COLUMNS, newestWinsOn: "updatedAt" })),
      ...(await upsertRows(db, activities, unknown, {
        target: [activities.sourceId, activities.externalId],
        columns: ACTIVITY_COLUMNS.filter((column) => column !== "durationSeconds"),
        newestWinsOn: "updatedAt",
      })),
    ];
    tally(result, written, existed, part.length);
    await storeRawPayloads(db, source, "activity", part);
  }
  return result;
}

function withoutDuration<T extends { durationSeconds?: unknown }>(row: T): Omit<T, "durationSeconds"> {
  const copy: Partial<T> = { ...row };
  delete copy.durationSeconds;
  return copy as Omit<T, "durationSeconds">;
}

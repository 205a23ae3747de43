// Applies a Bitrix24 source's batch: the events name only IDs, so the entities are read with one
// `batch` REST request per 50 (./fetcher.ts) and written with one canonical call per entity kind.
// Runs of events that touch distinct entities go together (process/segments.ts); a read returns
// the entity as it is now, so repeated updates of one entity in a row need only one read.
import { and, eq, inArray } from "drizzle-orm";
import { deals, leads } from "@/db/schema";
import type { Tx } from "@/db/types";
import { applyActivities, applyConversationTexts, applyCompanies, applyContacts, applyDeals, applyLeads, markDeleted } from "@/lib/canonical";
import { mapB24Activity } from "@/lib/connectors/bitrix24/map-activity";
import { mapB24ActivityText } from "@/lib/connectors/bitrix24/map-text";
import { b24UtmFieldsFromSettings, type B24MapContext } from "@/lib/connectors/bitrix24/map-common";
import { mapB24Deal } from "@/lib/connectors/bitrix24/map-deal";
import { mapB24Lead } from "@/lib/connectors/bitrix24/map-lead";
import { mapB24Company, mapB24Contact } from "@/lib/connectors/bitrix24/map-party";
import type { B24Entity } from "@/lib/connectors/bitrix24/types";
import type { OrgContext } from "@/lib/customers/recompute";
import type { EventVerdicts, InboxEvent } from "../process/batch-types";
import { eventFailure, PermanentEventError } from "../event-failure";
import { splitIntoSegments } from "../process/segments";
import type { SourceRow } from "../receive/source-settings";
import { parseBitrixEvent, TABLE } from "./apply-event";
import { fetchMany, type BitrixFetcher } from "./fetcher";

type Unit = { eventIds: number[]; entity: B24Entity; id: string; isDelete: boolean; deletedAt: Date; receivedAt: Date };
const IGNORED_ACTIVITY = eventFailure("webhook_activity_unused");

export async function applyBitrixBatch(tx: Tx, source: SourceRow, events: InboxEvent[], fetcher: () => BitrixFetcher, org: OrgContext): Promise<EventVerdicts> {
  const verdicts: EventVerdicts = new Map();
  const units: Unit[] = [];
  const lastByKey = new Map<string, Unit>();
  for (const event of events) {
    let parsed;
    try {
      parsed = parseBitrixEvent(event.body, event.receivedAt);
    } catch (error) {
      if (!(error instanceof PermanentEventError)) throw error;
      verdicts.set(event.id, { status: "rejected", failure: error.failure });
      continue;
    }
    verdicts.set(event.id, { status: "done" });
    const key = `${parsed.entity}:${parsed.id}`;
    const previous = lastByKey.get(key);
    // Another read of an entity whose last event was a read: that read (made now) serves both.
    if (previous && !previous.isDelete && !parsed.isDelete) {
      previous.eventIds.push(event.id);
      continue;
    }
    const unit = { eventIds: [event.id], ...parsed, receivedAt: event.receivedAt };
    units.push(unit);
    lastByKey.set(key, unit);
  }
  const client = units.some((u) => !u.isDelete) ? fetcher() : null;
  for (const segment of splitIntoSegments(units, (u) => [`${u.entity}:${u.id}`])) {
    for (const eventId of await applySegment(tx, source, segment, client, org)) verdicts.set(eventId, { status: "ignored", failure: IGNORED_ACTIVITY });
  }
  return verdicts;
}

/** Returns the events that turned out to be ignored (activities of a kind Voronka does not keep). */
async function applySegment(tx: Tx, source: SourceRow, units: Unit[], fetcher: BitrixFetcher | null, org: OrgContext): Promise<number[]> {
  const ref = { id: source.id, orgId: source.orgId };
  const deletes = new Map<string, { entity: B24Entity; at: Date; ids: string[] }>();
  const deleteAt = (entity: B24Entity, id: string, at: Date) => {
    const key = `${entity}:${at.getTime()}`;
    const group = deletes.get(key) ?? { entity, at, ids: [] };
    group.ids.push(id);
    deletes.set(key, group);
  };
  const rows = new Map<string, Record<string, unknown>>();
  for (const unit of units) if (unit.isDelete) deleteAt(unit.entity, unit.id, unit.deletedAt);
  for (const entity of ["deal", "lead", "contact", "company", "activity"] as const) {
    const reads = units.filter((u) => !u.isDelete && u.entity === entity);
    if (reads.length === 0 || !fetcher) continue;
    const fetched = await fetchMany(fetcher, entity, reads.map((u) => u.id));
    for (const unit of reads) {
      const row = fetched.get(unit.id);
      // Deleted between the event and our read: the delete event follows (or was lost) — same result.
      if (row) rows.set(`${entity}:${unit.id}`, row);
      else deleteAt(entity, unit.id, unit.receivedAt);
    }
  }
  for (const { entity, at, ids } of deletes.values()) await markDeleted(tx, ref, TABLE[entity], ids, at);

  const context: B24MapContext = { defaultCurrency: org.baseCurrency, utmFields: b24UtmFieldsFromSettings(source.settings) };
  const read = (entity: B24Entity) => units.filter((u) => !u.isDelete && u.entity === entity && rows.has(`${entity}:${u.id}`)).map((u) => ({ unit: u, row: rows.get(`${entity}:${u.id}`)! }));
  const dealRecords = read("deal").map(({ row }) => mapB24Deal(row, context));
  if (dealRecords.length > 0) {
    // The event gives a source code ("CALL"); keep the name the sync stored (crm.status.list).
    const channels = await storedChannels(tx, "deal", source.id, dealRecords.map((r) => r.externalId));
    await applyDeals(tx, ref, dealRecords.map((r) => ({ ...r, channel: channels.get(r.externalId) ?? r.channel })));
  }
  const leadRecords = read("lead").map(({ row }) => mapB24Lead(row, context));
  if (leadRecords.length > 0) {
    const channels = await storedChannels(tx, "lead", source.id, leadRecords.map((r) => r.externalId));
    await applyLeads(tx, ref, leadRecords.map((r) => ({ ...r, channel: channels.get(r.externalId) ?? r.channel })));
  }
  const contacts = read("contact").map(({ row }) => mapB24Contact(row));
  if (contacts.length > 0) await applyContacts(tx, ref, contacts);
  const companies = read("company").map(({ row }) => mapB24Company(row));
  if (companies.length > 0) await applyCompanies(tx, ref, companies);
  const ignored: number[] = [];
  const activities = [];
  const texts = [];
  for (const { unit, row } of read("activity")) {
    const record = mapB24Activity(row);
    if (record) activities.push(record);
    else ignored.push(...unit.eventIds);
    const text = mapB24ActivityText(row);
    if (text) texts.push(text);
  }
  if (activities.length > 0) await applyActivities(tx, ref, activities);
  // The activity's description is a conversation text (docs/sync.md, "Conversation texts"); a
  // deleted activity's text went with it in markDeleted above.
  if (texts.length > 0) await applyConversationTexts(tx, ref, texts);
  return ignored;
}

async function storedChannels(tx: Tx, entity: "deal" | "lead", sourceId: string, externalIds: string[]): Promise<Map<string, string>> {
  const table = entity === "deal" ? deals : leads;
  const rows = await tx.select({ externalId: table.externalId, channel: table.channel }).from(table).where(and(eq(table.sourceId, sourceId), inArray(table.externalId, externalIds)));
  return new Map(rows.filter((row) => row.channel !== null).map((row) => [row.externalId, row.channel!]));
}

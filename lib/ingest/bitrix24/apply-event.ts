// Applies one Bitrix24 event. The event names only an ID (docs/bitrix24-wire.md, "Outbound events"), so the entity is read
// through REST and written through the canonical layer; newest wins on its DATE_MODIFY, and a
// deal whose stage differs from the stored one records a stage change.
import { and, eq } from "drizzle-orm";
import { deals, leads } from "@/db/schema";
import type { Tx } from "@/db/types";
import { applyActivities, applyCompanies, applyContacts, applyDeals, applyLeads, markDeleted, type DeletableEntity } from "@/lib/canonical";
import type { B24Entity } from "@/lib/connectors/bitrix24/types";
import { mapB24Activity } from "@/lib/connectors/bitrix24/map-activity";
import { b24UtmFieldsFromSettings, type B24MapContext } from "@/lib/connectors/bitrix24/map-common";
import { mapB24Deal } from "@/lib/connectors/bitrix24/map-deal";
import { mapB24Lead } from "@/lib/connectors/bitrix24/map-lead";
import { mapB24Company, mapB24Contact } from "@/lib/connectors/bitrix24/map-party";
import type { OrgContext } from "@/lib/customers/recompute";
import { eventFailure, PermanentEventError, type EventFailure } from "../event-failure";
import { parseBracketForm, textAt } from "../receive/form-body";
import type { SourceRow } from "../receive/source-settings";
import type { BitrixFetcher } from "./fetcher";

const EVENT = /^ONCRM(DEAL|LEAD|CONTACT|COMPANY|ACTIVITY)(ADD|UPDATE|DELETE|MOVETOCATEGORY)$/;
export const TABLE: Record<B24Entity, DeletableEntity> = { deal: "deals", lead: "leads", contact: "contacts", company: "companies", activity: "activities" };

export type BitrixOutcome = { ignored?: EventFailure };

/** What a stored event names; throws PermanentEventError when it is not a CRM event with an ID. */
export function parseBitrixEvent(body: string, receivedAt: Date): { entity: B24Entity; isDelete: boolean; id: string; deletedAt: Date } {
  const form = parseBracketForm(body);
  const event = textAt(form, "event")?.toUpperCase() ?? "";
  const id = textAt(form, "data", "FIELDS", "ID");
  const match = EVENT.exec(event);
  if (!match || !id) throw new PermanentEventError(eventFailure("webhook_not_crm_event", { event: event || "(none)" }));
  return { entity: match[1].toLowerCase() as B24Entity, isDelete: match[2] === "DELETE", id, deletedAt: sentAt(form) ?? receivedAt };
}

export async function applyBitrixEvent(tx: Tx, source: SourceRow, body: string, receivedAt: Date, fetcher: () => BitrixFetcher, org: OrgContext): Promise<BitrixOutcome> {
  const { entity, isDelete, id, deletedAt } = parseBitrixEvent(body, receivedAt);
  const ref = { id: source.id, orgId: source.orgId };
  if (isDelete) {
    await markDeleted(tx, ref, TABLE[entity], [id], deletedAt);
    return {};
  }
  const row = await fetcher().getById(entity, id);
  // Deleted between the event and our read: the delete event follows (or was lost) — same result.
  if (!row) {
    await markDeleted(tx, ref, TABLE[entity], [id], receivedAt);
    return {};
  }
  const context: B24MapContext = { defaultCurrency: org.baseCurrency, utmFields: b24UtmFieldsFromSettings(source.settings) };
  switch (entity) {
    case "deal": {
      const record = mapB24Deal(row, context);
      await applyDeals(tx, ref, [{ ...record, channel: (await storedChannel(tx, "deal", source.id, id)) ?? record.channel }]);
      return {};
    }
    case "lead": {
      const record = mapB24Lead(row, context);
      await applyLeads(tx, ref, [{ ...record, channel: (await storedChannel(tx, "lead", source.id, id)) ?? record.channel }]);
      return {};
    }
    case "contact":
      await applyContacts(tx, ref, [mapB24Contact(row)]);
      return {};
    case "company":
      await applyCompanies(tx, ref, [mapB24Company(row)]);
      return {};
    case "activity": {
      const record = mapB24Activity(row);
      if (!record) return { ignored: eventFailure("webhook_activity_unused") };
      await applyActivities(tx, ref, [record]);
      return {};
    }
  }
}

/** `ts`: when Bitrix24 sent the event (docs/bitrix24-wire.md, "Outbound events"); a delete is at least that recent. */
function sentAt(form: ReturnType<typeof parseBracketForm>): Date | null {
  const ts = textAt(form, "ts");
  return ts && /^\d+$/.test(ts) ? new Date(Number(ts) * 1000) : null;
}

/**
 * The event gives a source code ("CALL"); the sync names it from crm.status.list ("Звонок"). Keep
 * the stored name rather than replacing it with the bare code.
 */
async function storedChannel(tx: Tx, entity: "deal" | "lead", sourceId: string, externalId: string): Promise<string | null> {
  const table = entity === "deal" ? deals : leads;
  const [row] = await tx.select({ channel: table.channel }).from(table).where(and(eq(table.sourceId, sourceId), eq(table.externalId, externalId))).limit(1);
  return row?.channel ?? null;
}

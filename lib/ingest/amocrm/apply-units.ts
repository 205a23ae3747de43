// Applies amoCRM webhook units — one entity × action list of one hook — through the canonical
// layer, several at once: one bulk write per entity kind. The caller guarantees that no entity
// appears in two units of one call (process/segments.ts), so the result is the same as applying
// them one after another. Deals are amoCRM's "leads" (each a lead too); a status hook also records its stage move.
import { applyCompanies, applyContacts, applyDealsAsLeads, applyStageChanges, markDeleted, type CanonicalDeal, type CanonicalStageChange, type DeletableEntity } from "@/lib/canonical";
import type { Tx } from "@/db/types";
import type { OrgContext } from "@/lib/customers/recompute";
import { isFormObject, textAt, type FormNode } from "../receive/form-body";
import type { AMO_ACTIONS, AMO_ENTITIES } from "../receive/amocrm";
import type { SourceRow } from "../receive/source-settings";
import { amoFieldReader } from "@/lib/connectors/amocrm/field-mapping";
import { idOf, mapAmoCompany, mapAmoContact, mapAmoLead, semanticOf, type AmoLeadChange } from "./map-webhook";
import { loadStoredDeals, type StoredDeal } from "./stored-deals";

export type AmoAction = (typeof AMO_ACTIONS)[number];
export type AmoEntity = (typeof AMO_ENTITIES)[number];
export type AmoUnit = { entity: AmoEntity; action: AmoAction; items: FormNode[]; receivedAt: Date };

const DELETABLE: Record<AmoEntity, DeletableEntity> = { leads: "deals", contacts: "contacts", companies: "companies" };

/** The entities a unit touches, as "leads:123": two units sharing one must not be applied together. */
export function unitKeys(unit: AmoUnit): string[] {
  return unit.items.map((item) => (isFormObject(item) ? textAt(item, "id") : undefined)).filter((id) => id !== undefined).map((id) => `${unit.entity}:${id}`);
}

export async function applyUnits(tx: Tx, source: SourceRow, units: AmoUnit[], org: OrgContext): Promise<void> {
  const ref = { id: source.id, orgId: source.orgId };
  const writes = units.filter((unit) => unit.action !== "delete");
  const companies = writes.filter((unit) => unit.entity === "companies").flatMap((unit) => unit.items.map(mapAmoCompany).filter((r) => r !== null));
  if (companies.length > 0) await applyCompanies(tx, ref, companies);
  const contacts = writes.filter((unit) => unit.entity === "contacts").flatMap((unit) => unit.items.map(mapAmoContact).filter((r) => r !== null));
  if (contacts.length > 0) await applyContacts(tx, ref, contacts);
  // Deletes take their time from the delivery, so one call per entity kind and receive time.
  const deletes = new Map<string, { entity: DeletableEntity; at: Date; ids: string[] }>();
  for (const unit of units.filter((u) => u.action === "delete")) {
    const key = `${unit.entity}:${unit.receivedAt.getTime()}`;
    const group = deletes.get(key) ?? { entity: DELETABLE[unit.entity], at: unit.receivedAt, ids: [] };
    group.ids.push(...unit.items.map(idOf).filter((id): id is string => Boolean(id)));
    deletes.set(key, group);
  }
  for (const { entity, at, ids } of deletes.values()) await markDeleted(tx, ref, entity, ids, at);
  const leadUnits = writes.filter((unit) => unit.entity === "leads");
  if (leadUnits.length > 0) await applyLeadUnits(tx, source, leadUnits, org.baseCurrency);
}

type LeadChange = { change: AmoLeadChange; action: AmoAction; receivedAt: Date };

async function applyLeadUnits(tx: Tx, source: SourceRow, units: AmoUnit[], baseCurrency: string): Promise<void> {
  const ref = { id: source.id, orgId: source.orgId };
  const currency = typeof source.settings.currency === "string" ? source.settings.currency : baseCurrency;
  const reader = amoFieldReader(source.settings);
  const changes: LeadChange[] = units.flatMap((unit) =>
    unit.items.map((item) => mapAmoLead(item, currency, reader)).filter((change) => change !== null).map((change) => ({ change, action: unit.action, receivedAt: unit.receivedAt })),
  );
  const stored = await loadStoredDeals(tx, source.id, changes.map((c) => c.change.record.externalId));
  const records: CanonicalDeal[] = [];
  for (const { change, action, receivedAt } of changes) {
    const record = completeRecord(change, stored.get(change.record.externalId), action, receivedAt);
    if (record) records.push(record);
  }
  if (records.length > 0) await applyDealsAsLeads(tx, ref, records);
  // The hook names the stage the lead left: record that move as amoCRM reported it (the layer
  // replaces the move it derived from the stored stage, so nothing is counted twice).
  const written = new Set(records.map((r) => r.externalId));
  const moves: CanonicalStageChange[] = changes
    .filter(({ change: c }) => c.oldStatusId && c.oldStatusId !== c.record.stageExternalId && written.has(c.record.externalId))
    .map(({ change: c, receivedAt }) => {
      const at = c.record.updatedAt ?? receivedAt;
      return {
        externalId: `amo:${c.record.externalId}:${c.record.pipelineExternalId}:${c.record.stageExternalId}:${at.getTime()}`,
        dealExternalId: c.record.externalId,
        pipelineExternalId: c.record.pipelineExternalId,
        fromStageExternalId: c.oldStatusId,
        fromPipelineExternalId: c.oldPipelineId ?? c.record.pipelineExternalId,
        toStageExternalId: c.record.stageExternalId,
        crmUserExternalId: c.modifiedBy,
        changedAt: at,
      };
    });
  if (moves.length > 0) await applyStageChanges(tx, ref, moves);
}

/** The record to write, or null when the hook is a late echo of a lead deleted since. */
function completeRecord(change: AmoLeadChange, stored: StoredDeal | undefined, action: AmoAction, receivedAt: Date): CanonicalDeal | null {
  const incoming = change.record;
  if (stored?.deletedAt && action !== "restore" && (!incoming.updatedAt || incoming.updatedAt <= stored.deletedAt)) return null;
  if (!change.isComplete) {
    // Digital Pipeline: only the stage is news; everything else stays as stored.
    const semantic = semanticOf(incoming.stageExternalId);
    const base = stored ?? { ...incoming, createdAt: receivedAt, updatedAt: null };
    return {
      ...base,
      pipelineExternalId: incoming.pipelineExternalId,
      stageExternalId: incoming.stageExternalId,
      stageSemantic: semantic,
      closedAt: semantic === "open" ? null : (stored?.closedAt ?? receivedAt),
      updatedAt: stored?.updatedAt ?? null,
      movedAt: receivedAt,
      movedByExternalId: null,
      deletedAt: null,
    };
  }
  return {
    ...incoming,
    // Webhooks do not carry these links; keep what the sync stored.
    contactExternalId: incoming.contactExternalId ?? stored?.contactExternalId ?? null,
    companyExternalId: incoming.companyExternalId ?? stored?.companyExternalId ?? null,
    leadExternalId: incoming.leadExternalId ?? stored?.leadExternalId ?? null,
    channel: incoming.channel ?? stored?.channel ?? null,
  };
}

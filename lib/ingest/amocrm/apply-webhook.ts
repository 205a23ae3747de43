// Applies one amoCRM webhook (it may carry several entities and actions) through the canonical
// layer. Deals are amoCRM's "leads"; a status hook also records the stage move it reports.
import { applyCompanies, applyContacts, applyDeals, applyStageChanges, markDeleted, type CanonicalDeal, type CanonicalStageChange, type DeletableEntity } from "@/lib/canonical";
import type { Tx } from "@/db/types";
import { FormBodyError, isFormObject, listOf, parseBracketForm, type FormNode } from "../receive/form-body";
import type { SourceRow } from "../receive/source-settings";
import { PermanentEventError } from "../process/errors";
import { AMO_ACTIONS } from "../receive/amocrm";
import { idOf, mapAmoCompany, mapAmoContact, mapAmoLead, semanticOf, type AmoLeadChange } from "./map-webhook";
import { loadStoredDeals, type StoredDeal } from "./stored-deals";
import type { OrgContext } from "@/lib/customers/recompute";

type Action = (typeof AMO_ACTIONS)[number];
const DELETABLE: Record<string, DeletableEntity> = { leads: "deals", contacts: "contacts", companies: "companies" };

export async function applyAmoWebhook(tx: Tx, source: SourceRow, body: string, receivedAt: Date, org: OrgContext): Promise<void> {
  let form;
  try {
    form = parseBracketForm(body);
  } catch (error) {
    throw new PermanentEventError(error instanceof FormBodyError ? `Malformed form body: ${error.message}` : "Malformed form body");
  }
  const ref = { id: source.id, orgId: source.orgId };
  // Parties first, so a lead in the same hook could already point at them.
  for (const entity of ["companies", "contacts", "leads"] as const) {
    const byAction = form[entity];
    if (!isFormObject(byAction)) continue;
    for (const action of AMO_ACTIONS) {
      const items = listOf(byAction[action]);
      if (items.length === 0) continue;
      if (action === "delete") {
        const ids = items.map(idOf).filter((id): id is string => Boolean(id));
        await markDeleted(tx, ref, DELETABLE[entity], ids, receivedAt);
      } else if (entity === "companies") {
        await applyCompanies(tx, ref, items.map(mapAmoCompany).filter((r) => r !== null));
      } else if (entity === "contacts") {
        await applyContacts(tx, ref, items.map(mapAmoContact).filter((r) => r !== null));
      } else {
        await applyLeads(tx, source, items, action, receivedAt, org.baseCurrency);
      }
    }
  }
}

async function applyLeads(tx: Tx, source: SourceRow, items: FormNode[], action: Action, receivedAt: Date, baseCurrency: string): Promise<void> {
  const ref = { id: source.id, orgId: source.orgId };
  const currency = typeof source.settings.currency === "string" ? source.settings.currency : baseCurrency;
  const changes = items.map((item) => mapAmoLead(item, currency)).filter((c) => c !== null);
  const stored = await loadStoredDeals(tx, source.id, changes.map((c) => c.record.externalId));
  const records: CanonicalDeal[] = [];
  for (const change of changes) {
    const record = completeRecord(change, stored.get(change.record.externalId), action, receivedAt);
    if (record) records.push(record);
  }
  await applyDeals(tx, ref, records);
  // The hook names the stage the lead left: record that move as amoCRM reported it (the layer
  // replaces the move it derived from the stored stage, so nothing is counted twice).
  const moves: CanonicalStageChange[] = changes
    .filter((c) => c.oldStatusId && c.oldStatusId !== c.record.stageExternalId && records.some((r) => r.externalId === c.record.externalId))
    .map((c) => {
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
function completeRecord(change: AmoLeadChange, stored: StoredDeal | undefined, action: Action, receivedAt: Date): CanonicalDeal | null {
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

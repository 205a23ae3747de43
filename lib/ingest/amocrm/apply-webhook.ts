// amoCRM webhooks → canonical records. A hook may carry several entities and actions; each
// entity × action list is a unit (./apply-units.ts). One hook alone applies its units in order; a
// batch of hooks applies runs of units that touch distinct entities with one bulk write each.
import type { Tx } from "@/db/types";
import type { OrgContext } from "@/lib/customers/recompute";
import { eventFailure, PermanentEventError } from "../event-failure";
import type { EventVerdicts, InboxEvent } from "../process/batch-types";
import { splitIntoSegments } from "../process/segments";
import { AMO_ACTIONS } from "../receive/amocrm";
import { FormBodyError, isFormObject, listOf, parseBracketForm } from "../receive/form-body";
import type { SourceRow } from "../receive/source-settings";
import { applyUnits, unitKeys, type AmoUnit } from "./apply-units";

/** Parties first, so a lead in the same hook could already point at them; actions in a fixed order. */
function unitsOf(body: string, receivedAt: Date): AmoUnit[] {
  let form;
  try {
    form = parseBracketForm(body);
  } catch (error) {
    throw new PermanentEventError(eventFailure("webhook_form_unreadable", undefined, error instanceof FormBodyError ? error.message : undefined));
  }
  const units: AmoUnit[] = [];
  for (const entity of ["companies", "contacts", "leads"] as const) {
    const byAction = form[entity];
    if (!isFormObject(byAction)) continue;
    for (const action of AMO_ACTIONS) {
      const items = listOf(byAction[action]);
      if (items.length > 0) units.push({ entity, action, items, receivedAt });
    }
  }
  return units;
}

export async function applyAmoWebhook(tx: Tx, source: SourceRow, body: string, receivedAt: Date, org: OrgContext): Promise<void> {
  for (const unit of unitsOf(body, receivedAt)) await applyUnits(tx, source, [unit], org);
}

/** A source's batch, in arrival order. A hook that cannot be read is rejected; the rest applied. */
export async function applyAmoBatch(tx: Tx, source: SourceRow, events: InboxEvent[], org: OrgContext): Promise<EventVerdicts> {
  const verdicts: EventVerdicts = new Map();
  const units: AmoUnit[] = [];
  for (const event of events) {
    try {
      units.push(...unitsOf(event.body, event.receivedAt));
      verdicts.set(event.id, { status: "done" });
    } catch (error) {
      if (!(error instanceof PermanentEventError)) throw error;
      verdicts.set(event.id, { status: "rejected", failure: error.failure });
    }
  }
  for (const segment of splitIntoSegments(units, unitKeys)) await applyUnits(tx, source, segment, org);
  return verdicts;
}

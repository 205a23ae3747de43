// Applies inbox events to the canonical tables, through the connector of their source's kind
// (lib/connectors/registry.ts): a whole batch of one source at once, or one event alone (the
// fallback when a batch fails, so that only the event at fault fails). Runs inside the processor's
// savepoint: throwing undoes everything written.
import type { Tx } from "@/db/types";
import { describeKind } from "@/lib/connectors/descriptors";
import { connectorFor } from "@/lib/connectors/registry";
import type { OrgContext } from "@/lib/customers/recompute";
import type { BitrixFetcherFor } from "../bitrix24/fetcher";
import type { SourceRow } from "../receive/source-settings";
import { rematchRecentFormLeads } from "@/lib/forms/match";
import type { EventVerdicts, InboxEvent } from "./batch-types";
import type { EventFailure } from "../event-failure";

/** What tests (and the benchmark) replace: how Bitrix24 entities are read. */
export type ProcessDeps = { bitrixFetcherFor?: BitrixFetcherFor };
export type ApplyOutcome = { ignored?: EventFailure };

/** `org` is read once per batch: every event of a batch belongs to one source, so one organisation. */
export async function applyEvent(tx: Tx, source: SourceRow, event: InboxEvent, deps: ProcessDeps, org: () => Promise<OrgContext>): Promise<ApplyOutcome> {
  const outcome = await connectorFor(source.kind).applyEvent(tx, source, event, deps, await org());
  await rematchAfterCrm(tx, source);
  return outcome;
}

/** A source's due events, in arrival order; a body that can never be applied is rejected, not thrown. */
export async function applyEventBatch(tx: Tx, source: SourceRow, events: InboxEvent[], deps: ProcessDeps, org: () => Promise<OrgContext>): Promise<EventVerdicts> {
  const verdicts = await connectorFor(source.kind).applyBatch(tx, source, events, deps, await org());
  await rematchAfterCrm(tx, source);
  return verdicts;
}

/** New CRM leads, deals or contacts may be where waiting site form submissions went (lib/forms/match.ts). */
async function rematchAfterCrm(tx: Tx, source: SourceRow): Promise<void> {
  if (describeKind(source.kind).isCrm) await rematchRecentFormLeads(tx, source.orgId);
}

// Applies inbox events to the canonical tables, by the kind of their source: a whole batch of one
// source at once, or one event alone (the fallback when a batch fails, so that only the event at
// fault fails). Runs inside the processor's savepoint: throwing undoes everything written.
import type { Tx } from "@/db/types";
import type { OrgContext } from "@/lib/customers/recompute";
import { applyAmoBatch, applyAmoWebhook } from "../amocrm/apply-webhook";
import { applyBitrixBatch } from "../bitrix24/apply-batch";
import { applyBitrixEvent } from "../bitrix24/apply-event";
import { restFetcherFor, type BitrixFetcherFor } from "../bitrix24/fetcher";
import type { SourceRow } from "../receive/source-settings";
import { applyShopBatch } from "../shop/apply-batch";
import { applyShopEvent } from "../shop/apply-order";
import { applyFormBatch } from "../form/apply-batch";
import { PermanentEventError } from "./errors";
import { rematchRecentFormLeads } from "@/lib/forms/match";
import type { EventVerdicts, InboxEvent } from "./batch-types";

/** What tests (and the benchmark) replace: how Bitrix24 entities are read. */
export type ProcessDeps = { bitrixFetcherFor?: BitrixFetcherFor };
export type ApplyOutcome = { ignoredReason?: string };

/** `org` is read once per batch: every event of a batch belongs to one source, so one organisation. */
export async function applyEvent(tx: Tx, source: SourceRow, event: InboxEvent, deps: ProcessDeps, org: () => Promise<OrgContext>): Promise<ApplyOutcome> {
  switch (source.kind) {
    case "shop":
      await applyShopEvent(tx, source, event.body, event.receivedAt, await org());
      return {};
    case "amocrm":
      await applyAmoWebhook(tx, source, event.body, event.receivedAt, await org());
      await rematchRecentFormLeads(tx, source.orgId);
      return {};
    case "bitrix24": {
      const outcome = await applyBitrixEvent(tx, source, event.body, event.receivedAt, () => (deps.bitrixFetcherFor ?? restFetcherFor)(source), await org());
      await rematchRecentFormLeads(tx, source.orgId);
      return outcome;
    }
    case "form": {
      // One event alone (the fallback after a failed batch): its verdict decides as an exception would.
      const verdict = (await applyFormBatch(tx, source, [event], await org())).get(event.id);
      if (verdict?.status === "rejected") throw new PermanentEventError(verdict.reason);
      return verdict?.status === "ignored" ? { ignoredReason: verdict.reason } : {};
    }
  }
}

/** A source's due events, in arrival order; a body that can never be applied is rejected, not thrown. */
export async function applyEventBatch(tx: Tx, source: SourceRow, events: InboxEvent[], deps: ProcessDeps, org: () => Promise<OrgContext>): Promise<EventVerdicts> {
  switch (source.kind) {
    case "shop":
      return applyShopBatch(tx, source, events, await org());
    case "amocrm":
      return rematchAfter(tx, source, applyAmoBatch(tx, source, events, await org()));
    case "bitrix24":
      return rematchAfter(tx, source, applyBitrixBatch(tx, source, events, () => (deps.bitrixFetcherFor ?? restFetcherFor)(source), await org()));
    case "form":
      return applyFormBatch(tx, source, events, await org());
  }
}

/** New CRM leads, deals or contacts may be where waiting site form submissions went (lib/forms/match.ts). */
async function rematchAfter(tx: Tx, source: SourceRow, applied: Promise<EventVerdicts>): Promise<EventVerdicts> {
  const verdicts = await applied;
  await rematchRecentFormLeads(tx, source.orgId);
  return verdicts;
}

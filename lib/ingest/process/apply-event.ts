// Applies one inbox event to the canonical tables, by the kind of its source. Runs inside the
// processor's savepoint: throwing undoes everything this event wrote.
import type { webhookEvents } from "@/db/schema";
import type { Tx } from "@/db/types";
import type { OrgContext } from "@/lib/customers/recompute";
import { applyAmoWebhook } from "../amocrm/apply-webhook";
import { applyBitrixEvent } from "../bitrix24/apply-event";
import { restFetcherFor, type BitrixFetcherFor } from "../bitrix24/fetcher";
import type { SourceRow } from "../receive/source-settings";
import { applyShopEvent } from "../shop/apply-order";

/** What tests (and the benchmark) replace: how Bitrix24 entities are read. */
export type ProcessDeps = { bitrixFetcherFor?: BitrixFetcherFor };
export type ApplyOutcome = { ignoredReason?: string };
type EventRow = typeof webhookEvents.$inferSelect;

/** `org` is read once per batch: every event of a batch belongs to one source, so one organisation. */
export async function applyEvent(tx: Tx, source: SourceRow, event: EventRow, deps: ProcessDeps, org: () => Promise<OrgContext>): Promise<ApplyOutcome> {
  switch (source.kind) {
    case "shop":
      await applyShopEvent(tx, source, event.body, event.receivedAt, await org());
      return {};
    case "amocrm":
      await applyAmoWebhook(tx, source, event.body, event.receivedAt, await org());
      return {};
    case "bitrix24":
      return applyBitrixEvent(tx, source, event.body, event.receivedAt, () => (deps.bitrixFetcherFor ?? restFetcherFor)(source), await org());
  }
}

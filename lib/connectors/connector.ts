// The server half of a source kind: everything Voronka does differently per kind, in one entry
// (lib/connectors/<kind>/connector.ts, listed in lib/connectors/registry.ts). Code elsewhere asks
// the registry instead of switching on the kind. The entry only wires: the receivers, appliers and
// sync plans it names stay in lib/ingest and lib/sync, where the pipeline they belong to lives.
import type { SourceKind } from "@/db/schema";
import type { Db, Tx } from "@/db/types";
import type { OrgContext } from "@/lib/customers/recompute";
import type { ValidationError } from "@/lib/errors";
import type { EventVerdicts, InboxEvent } from "@/lib/ingest/process/batch-types";
import type { ApplyOutcome, ProcessDeps } from "@/lib/ingest/process/apply-event";
import type { HeaderReader } from "@/lib/ingest/receive/delivery";
import type { SourceRow } from "@/lib/ingest/receive/source-settings";
import type { Verdict } from "@/lib/ingest/receive/verdict";
import type { ConnectionCheck } from "@/lib/sources/check-connection";
import type { ClientDeps } from "@/lib/sources/clients";
import type { SourceCredentials } from "@/lib/sources/credentials";
import type { CreateSourceInput } from "@/lib/sources/schemas";
import type { SyncPlan, SyncTuning } from "@/lib/sync/types";
import type { CrmWriter } from "./crm-writer";
import type { SourceDescriptor } from "./descriptor";
import type { ShopStore } from "./shop-store";

/** What a new source stores from the admin's input: its CRM's origin, its credentials (sealed before the insert), its settings. */
export type StoredSource = { baseUrl: string | null; credentials: SourceCredentials | null; settings: Record<string, unknown> };

/** A CRM reached with one source's credentials. */
export type CrmConnection = {
  /** "Test connection": who the CRM says we are; a refusal is an answer, not an error. */
  check(): Promise<ConnectionCheck>;
  /** The steps of a sync run, in order (lib/sync/engine.ts walks them). */
  syncPlan(settings: Record<string, unknown>, baseCurrency: string, tuning?: SyncTuning): SyncPlan;
  /** The CRM's own lead fields, for the admin's field mapping (kinds whose descriptor says mapsTrafficFields). */
  listLeadFields?(): Promise<CrmLeadField[]>;
  /** Writing Voronka's conclusions into the CRM's custom fields (lib/write-back). */
  writer?: CrmWriter;
  /** The CRM's own online store, for order statuses sent back to it (lib/shop-status). */
  shopStore?: ShopStore;
};

/** One custom field of the CRM's leads, as the field mapping offers it. */
export type CrmLeadField = { id: number; name: string; code: string | null; type: string };

export type CrmParts = {
  /** A stored source's CRM; null when its credentials are not this kind's (or it lacks its address). Renewed OAuth tokens are saved. */
  connect(db: Db, source: SourceRow, credentials: SourceCredentials, deps: ClientDeps): CrmConnection | null;
  /** For the check before a source is saved: never renews tokens (a renewed pair would be stored nowhere). */
  connectForCheck(baseUrl: string, credentials: SourceCredentials, deps: ClientDeps): CrmConnection | null;
};

/** One webhook as the receiver sees it: the secret segment of its path ("" when none), its headers and body. */
export type WebhookDelivery = { urlSecret: string; headers: HeaderReader; contentType: string | null; body: string };

type Common<K extends SourceKind> = {
  descriptor: SourceDescriptor & { kind: K };
  // Method syntax on purpose: each entry takes its own kind's input, and the registry holds them all.
  stored(input: Extract<CreateSourceInput, { kind: K }>): StoredSource;
  /** Judges a delivery before anything is written (lib/ingest/receive/receive-webhook.ts). */
  receive(source: SourceRow, delivery: WebhookDelivery): Verdict;
  /** A source's due events, in arrival order; a body that can never be applied is rejected, not thrown. */
  applyBatch(tx: Tx, source: SourceRow, events: InboxEvent[], deps: ProcessDeps, org: OrgContext): Promise<EventVerdicts>;
  /** One event alone (the fallback when a batch fails, so that only the event at fault fails); throwing fails it. */
  applyEvent(tx: Tx, source: SourceRow, event: InboxEvent, deps: ProcessDeps, org: OrgContext): Promise<ApplyOutcome>;
  /** A stored body as the admin's event view shows it (secrets masked); absent: as stored. */
  maskStoredBody?(body: string): string;
};

export type Connector<K extends SourceKind = SourceKind> = Common<K> &
  ({ crm: CrmParts } | { crm: null; /** Why "Test connection" and "Sync" are refused. */ noCrm(): ValidationError });

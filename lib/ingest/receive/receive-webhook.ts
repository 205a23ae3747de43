// The one path every webhook takes: find the source, read at most 1 MiB, let the sender's receiver
// judge it (its kind's connector, lib/connectors/registry.ts), commit it to the inbox (group commit), answer — and only then nudge the processor.
import { eq } from "drizzle-orm";
import { organisations, sources, type SourceKind } from "@/db/schema";
import type { Db } from "@/db/types";
import { connectorFor } from "@/lib/connectors/registry";
import { MAX_WEBHOOK_BYTES } from "@/lib/api/read-body";
import { errorMessage } from "@/lib/error-text";
import { recordFirstSeenAccount, type CrmAccount } from "@/lib/sources/crm-account";
import { isUuid } from "@/lib/uuid";
import { ingestMetrics } from "../metrics";
import type { Delivery, HeaderReader } from "./delivery";
import { inboxWriter, keptHeaders } from "./inbox";
import type { SourceRow } from "./source-settings";
import type { Verdict } from "./verdict";
import { inEnglish } from "../event-failure";
import type { ErrorCode } from "@/lib/error-codes";
import { processSlot } from "@/lib/process-slot";

/** Where a delivery went: /api/webhooks/<kind>/<source id>[/<secret>] (lib/sources/inbound-url.ts). */
export type WebhookTarget = { kind: SourceKind; sourceId: string; urlSecret?: string };
/** The answer for the sender (status and JSON body, or plain text) and what became of the delivery. */
export type ReceiveResult = { status: number; payload: object | string; storedId: number | null; isPending: boolean; orgId?: string };

export async function receiveWebhook(db: Db, target: WebhookTarget, delivery: Delivery): Promise<ReceiveResult> {
  const started = performance.now();
  const result = await receive(db, target, delivery);
  const metrics = ingestMetrics();
  metrics.received.inc({ kind: target.kind, outcome: outcomeOf(result) });
  metrics.ackLatency.observe({ kind: target.kind }, (performance.now() - started) / 1000);
  return result;
}

async function receive(db: Db, target: WebhookTarget, delivery: Delivery): Promise<ReceiveResult> {
  const source = isUuid(target.sourceId) ? await findSource(db, target) : null;
  if (!source) return answer(404, "not_found", "No such webhook source");
  // An operator suspended the organisation (docs/hosted.md): nothing of it is stored.
  if (source.isOrgSuspended) return answer(403, "organisation_suspended", "The organisation has been suspended by the service operator");
  const body = await delivery.readBody();
  if (!body.ok) return answer(413, "payload_too_large", `The body is larger than ${MAX_WEBHOOK_BYTES} bytes`);
  const contentType = delivery.headers.get("content-type");
  const verdict = judge(target, source, delivery.headers, contentType, body.text);
  // Nothing from an unauthenticated sender is stored; the message names no secret.
  if (verdict.kind === "unauthorized") return answer(401, "unauthorized", verdict.message);
  if (verdict.kind === "reply") return { status: verdict.status, payload: verdict.text, storedId: null, isPending: false };

  let id: number;
  try {
    // Resolves only once the row has committed (with the other deliveries of the same moment).
    id = await inboxWriter(db).submit({
      orgId: source.orgId,
      sourceId: source.id,
      eventType: verdict.eventType,
      contentType,
      headers: keptHeaders(delivery.headers),
      body: verdict.body,
      status: verdict.status,
      failure: verdict.failure,
    });
  } catch {
    // Not stored means not acknowledged: 503 tells the sender to try again later (the inbox writer logged why).
    return answer(503, "unavailable", "The delivery could not be stored; try again later");
  }
  if (verdict.account && !source.crmAccountId && !source.crmAccountDomain) await learnAccount(db, source, verdict.account);
  const isPending = verdict.status === "pending";
  const payload =
    verdict.answerStatus < 300
      ? { id, status: verdict.status, ...(verdict.failure ? { reason: inEnglish(verdict.failure) } : {}) }
      : { id, error: { code: refusalCode(verdict.answerStatus), message: verdict.failure ? inEnglish(verdict.failure) : "Rejected" } };
  return { status: verdict.answerStatus, payload, storedId: id, isPending, orgId: source.orgId };
}

function judge(target: WebhookTarget, source: SourceRow, headers: HeaderReader, contentType: string | null, body: string): Verdict {
  return connectorFor(target.kind).receive(source, { urlSecret: target.urlSecret ?? "", headers, contentType, body });
}

/**
 * Sources are read once per few seconds per process, not per delivery: under load the lookup was
 * half of an acknowledgement's database work. A changed secret or a disabled source takes effect
 * within SOURCE_TTL_MS.
 */
const SOURCE_TTL_MS = 5_000;
type FoundSource = SourceRow & { isOrgSuspended: boolean };
const cache = processSlot<Map<string, { row: FoundSource | null; at: number }>>("WebhookSources");

async function findSource(db: Db, target: WebhookTarget): Promise<FoundSource | null> {
  const sourcesById = cache.ensure(() => new Map());
  let entry = sourcesById.get(target.sourceId);
  if (!entry || Date.now() - entry.at > SOURCE_TTL_MS) {
    const [found] = await db
      .select({ source: sources, suspendedAt: organisations.suspendedAt })
      .from(sources)
      .innerJoin(organisations, eq(organisations.id, sources.orgId))
      .where(eq(sources.id, target.sourceId))
      .limit(1);
    entry = { row: found ? { ...found.source, isOrgSuspended: found.suspendedAt !== null } : null, at: Date.now() };
    if (sourcesById.size > 10_000) sourcesById.clear();
    sourcesById.set(target.sourceId, entry);
  }
  const row = entry.row;
  return row && row.kind === target.kind && row.isActive ? row : null;
}

/** A source's row is read again on its next delivery: its secret or known account has changed. */
export function forgetWebhookSource(sourceId: string): void {
  cache.get()?.delete(sourceId);
}

/** Every source is read again: an organisation was suspended or resumed (other processes within SOURCE_TTL_MS). */
export function forgetAllWebhookSources(): void {
  cache.get()?.clear();
}

/**
 * The first authenticated delivery of a source that knows no account yet names it (see
 * lib/sources/crm-account.ts). It is already stored and will be acknowledged whatever happens here.
 */
async function learnAccount(db: Db, source: SourceRow, account: CrmAccount): Promise<void> {
  try {
    if (await recordFirstSeenAccount(db, source.id, account)) forgetWebhookSource(source.id);
  } catch (error) {
    console.error("[webhooks] recording the source's account failed", errorMessage(error));
  }
}

function refusalCode(status: number): ErrorCode {
  return status === 415 ? "unsupported_media_type" : "validation_error";
}

function answer(status: number, code: ErrorCode, message: string): ReceiveResult {
  return { status, payload: { error: { code, message } }, storedId: null, isPending: false };
}

function outcomeOf(result: ReceiveResult): string {
  if (result.storedId === null) return typeof result.payload === "string" ? "test" : String(result.status);
  return result.isPending ? "pending" : result.status < 300 ? "ignored_or_rejected" : "rejected";
}

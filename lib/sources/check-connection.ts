// Asking a CRM "who are we, and may we read what the sync needs?" — for "Test connection" on a
// stored source and for the check before a new one is saved. A failure is a reason code with
// parameters (the UI says it in the admin's language), the same in English for API callers, and at
// most the CRM's own short words — never the body of whatever answered. Each check of a stored
// source is remembered on it, for its health (source-health.ts).
import { eq, sql } from "drizzle-orm";
import { sources, type RunFailure } from "@/db/schema";
import type { Db } from "@/db/types";
import type { ConnectionFailure, ConnectionParams, ConnectionReason } from "@/lib/connectors/connection-check";
import { AppError } from "@/lib/errors";
import { describeTestFailure, sourcesMessages } from "@/lib/i18n/sources-messages";
import type { CrmConnection } from "@/lib/connectors/connector";
import { recordReportedAccount } from "./crm-account";

export type ConnectionCheck =
  | { ok: true; portal: string; user: { id: string; name: string }; account?: { id: string; name: string; subdomain: string } }
  | { ok: false; reason: ConnectionReason; params: ConnectionParams; message: string; details?: string };
export type FailedCheck = Extract<ConnectionCheck, { ok: false }>;

/** A refusal or an unreachable CRM is an answer here, not an error (each connector says how its CRM answers). */
export async function checkConnection(crm: CrmConnection): Promise<ConnectionCheck> {
  return crm.check();
}

/** Stores when the source was last checked and why it failed (null when it passed), and the account amoCRM named. */
export async function rememberCheck(db: Db, sourceId: string, check: ConnectionCheck): Promise<void> {
  await db
    .update(sources)
    .set({ lastCheckAt: sql`now()`, lastCheckFailure: check.ok ? null : checkFailure(check) })
    .where(eq(sources.id, sourceId));
  if (check.ok && check.account) await recordReportedAccount(db, sourceId, { id: check.account.id, domain: check.account.subdomain });
}

/** A failed check as stored: its reason is the code, its parameters and the CRM's words beside. */
export function checkFailure(check: FailedCheck): RunFailure {
  return { code: check.reason, params: definedParams(check.params), ...(check.details ? { details: check.details } : {}) };
}

/** The check before saving failed: 422 with the reason, so the form can say why and offer to save anyway. */
export class SourceCheckFailedError extends AppError {
  constructor(readonly check: FailedCheck) {
    const params = { reason: check.reason, ...definedParams(check.params), ...(check.details ? { details: check.details } : {}) };
    super(422, "source_check_failed", `The connection failed its check, so the source was not saved: ${check.message} Correct it, or send saveUntested: true to save it anyway.`, { params });
  }
}

function definedParams(params: ConnectionParams): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
}

/** A connector's failed test, as the check answers it. */
export function failedCheck(failure: ConnectionFailure): ConnectionCheck {
  return {
    ok: false,
    reason: failure.reason,
    params: failure.params,
    message: describeTestFailure(sourcesMessages.en, failure),
    ...(failure.crmWords ? { details: failure.crmWords } : {}),
  };
}

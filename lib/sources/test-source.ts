// "Test connection": ask the CRM who we are and whether we may read what the sync needs. A failure
// is a reason code with parameters (the UI says it in the admin's language), the same in English
// for API callers, and at most the CRM's own short words — never the body of whatever answered.
// A working amoCRM connection also records which account it is (webhooks are checked against it).
import type { Db } from "@/db/types";
import type { ConnectionFailure, ConnectionParams, ConnectionReason } from "@/lib/connectors/connection-check";
import { describeTestFailure, sourcesMessages } from "@/lib/i18n/sources-messages";
import { clientForSource, type ClientDeps } from "./clients";
import { recordReportedAccount } from "./crm-account";
import { getSourceRow } from "./manage-sources";

export type ConnectionCheck =
  | { ok: true; portal: string; user: { id: string; name: string }; account?: { id: string; name: string } }
  | { ok: false; reason: ConnectionReason; params: ConnectionParams; message: string; details?: string };

export async function testSourceConnection(db: Db, orgId: string, sourceId: string, deps: ClientDeps = {}): Promise<ConnectionCheck> {
  const source = await getSourceRow(db, orgId, sourceId);
  const crm = clientForSource(db, source, deps);
  if (crm.kind === "bitrix24") {
    const result = await crm.client.testConnection();
    return result.ok ? { ok: true, portal: result.portal, user: { id: result.user.id, name: result.user.name } } : answerFailure(result);
  }
  const result = await crm.client.testConnection();
  if (!result.ok) return answerFailure(result);
  await recordReportedAccount(db, source.id, { id: result.account.id, domain: result.account.subdomain });
  return { ok: true, portal: result.portal, user: result.user, account: { id: result.account.id, name: result.account.name } };
}

function answerFailure(failure: ConnectionFailure): ConnectionCheck {
  return {
    ok: false,
    reason: failure.reason,
    params: failure.params,
    message: describeTestFailure(sourcesMessages.en, failure),
    ...(failure.crmWords ? { details: failure.crmWords } : {}),
  };
}

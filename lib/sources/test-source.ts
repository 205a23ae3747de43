// "Test connection": ask the CRM who we are and whether we may read what the sync needs, and say
// precisely what is wrong (unreachable host, bad token, missing scope) in words for an admin.
import type { Db } from "@/db/types";
import { clientForSource, type ClientDeps } from "./clients";
import { getSourceRow } from "./manage-sources";

export type ConnectionCheck =
  | { ok: true; portal: string; user: { id: string; name: string }; account?: { id: number; name: string } }
  | { ok: false; reason: string; message: string };

export async function testSourceConnection(db: Db, orgId: string, sourceId: string, deps: ClientDeps = {}): Promise<ConnectionCheck> {
  const source = await getSourceRow(db, orgId, sourceId);
  const crm = clientForSource(db, source, deps);
  if (crm.kind === "bitrix24") {
    const result = await crm.client.testConnection();
    return result.ok ? { ok: true, portal: result.portal, user: { id: result.user.id, name: result.user.name } } : result;
  }
  const result = await crm.client.testConnection();
  return result.ok ? { ok: true, portal: result.portal, user: result.user, account: { id: result.account.id, name: result.account.name } } : result;
}

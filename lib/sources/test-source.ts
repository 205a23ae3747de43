// "Test connection" on a stored source: the check (check-connection.ts), remembered on the source.
import type { Db } from "@/db/types";
import { checkConnection, rememberCheck, type ConnectionCheck } from "./check-connection";
import { clientForSource, type ClientDeps } from "./clients";
import { getSourceRow } from "./manage-sources";

export type { ConnectionCheck } from "./check-connection";

export async function testSourceConnection(db: Db, orgId: string, sourceId: string, deps: ClientDeps = {}): Promise<ConnectionCheck> {
  const source = await getSourceRow(db, orgId, sourceId);
  const check = await checkConnection(clientForSource(db, source, deps));
  await rememberCheck(db, source.id, check);
  return check;
}

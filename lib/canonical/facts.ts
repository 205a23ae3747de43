// Every canonical write runs in one transaction with the refresh of the pre-aggregated report
// facts for the rows it touched, so a report never sees a deal without its facts (or the reverse).
// Inside a sync run's write scope the run may take the refresh over (lib/sync/deferred-facts.ts):
// it refreshes the whole source once at its end, far cheaper than page by page for a big pass.
import type { Db } from "@/db/types";
import { refreshReportFacts, type ChangedRows } from "@/lib/reports/facts/refresh";
import { currentWriteScope } from "./write-scope";

export async function withFacts<T>(db: Db, orgId: string, write: (tx: Db) => Promise<T>, changed: (result: T) => ChangedRows): Promise<T> {
  // Inside a caller's transaction this is a savepoint; either way the facts commit with the rows.
  return (db as Db).transaction(async (tx) => {
    const result = await write(tx);
    const rows = changed(result);
    const scope = currentWriteScope();
    if (!scope || !(await scope.deferFacts(tx, rows))) await refreshReportFacts(tx, orgId, rows);
    return result;
  });
}

// Every canonical write runs in one transaction with the refresh of the pre-aggregated report
// facts for the rows it touched, so a report never sees a deal without its facts (or the reverse).
import type { Db } from "@/db/types";
import { refreshReportFacts, type ChangedRows } from "@/lib/reports/facts/refresh";
import type { DbOrTx } from "./upsert";

export async function withFacts<T>(db: DbOrTx, orgId: string, write: (tx: DbOrTx) => Promise<T>, changed: (result: T) => ChangedRows): Promise<T> {
  // Inside a caller's transaction this is a savepoint; either way the facts commit with the rows.
  return (db as Db).transaction(async (tx) => {
    const result = await write(tx);
    await refreshReportFacts(tx as unknown as Db, orgId, changed(result));
    return result;
  });
}

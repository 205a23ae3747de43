// A bulk write scope: a sync run wraps its writes in one, so the canonical layer can leave the
// report facts to the run (which refreshes the whole source once at its end, lib/sync/deferred-facts.ts).
// Webhooks and other writers have no scope and refresh with every write. AsyncLocalStorage carries
// it, so the apply* signatures (and every connector calling them) stay as they are.
import { AsyncLocalStorage } from "node:async_hooks";
import type { ChangedRows } from "@/lib/reports/facts/refresh";
import type { Db } from "@/db/types";

export type WriteScope = {
  /**
   * Called inside a write's transaction, after it wrote, with the rows whose facts changed.
   * Returns true when the run takes over their facts (and has made that crash-safe in `tx`);
   * false, and the write refreshes them itself.
   */
  deferFacts(tx: Db, changed: ChangedRows): Promise<boolean>;
};

const storage = new AsyncLocalStorage<WriteScope>();

export function runInWriteScope<T>(scope: WriteScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

export function currentWriteScope(): WriteScope | undefined {
  return storage.getStore();
}

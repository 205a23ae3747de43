// Route handlers get their database from getDb(), which keeps one promise in the process's slot
// (db/client.ts); a test points that slot at its own test database.
import { dbSlot } from "../client";
import type { TestDb } from "./test-db";

export function useTestDbForRoutes(testDb: TestDb): void {
  dbSlot.set(Promise.resolve({ db: testDb.db, mode: testDb.mode, close: async () => {} }));
}

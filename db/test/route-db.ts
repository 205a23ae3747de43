// Route handlers get their database from getDb(), which keeps one promise on globalThis; a test
// points that promise at its own test database.
import type { TestDb } from "./test-db";

export function useTestDbForRoutes(testDb: TestDb): void {
  (globalThis as { __voronkaDb?: unknown }).__voronkaDb = Promise.resolve({ db: testDb.db, mode: testDb.mode, close: async () => {} });
}

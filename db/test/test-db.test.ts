import { afterAll, beforeAll, expect, it } from "vitest";
import { countAppliedMigrations } from "../migrate";
import { createTestDb, type TestDb } from "./test-db";

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

it("has every migration in drizzle/ applied", async () => {
  const { readdirSync } = await import("node:fs");
  const files = readdirSync("drizzle").filter((name) => name.endsWith(".sql"));
  expect(files.length).toBeGreaterThan(0);
  expect(await countAppliedMigrations(testDb.db)).toBe(files.length);
});

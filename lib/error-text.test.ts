// A failed query's values never reach a log line or an admin: Drizzle's error message carries them,
// so what is logged is the database's own words and where it happened.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiTokens } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { errorResponse } from "@/lib/api/handler";
import { errorForLog, errorMessage } from "./error-text";

let testDb: TestDb;
let f: OrgFixture;
beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const SECRET = "sha256-of-a-token-that-must-stay-secret";

/** An insert that fails (its user does not exist) while carrying SECRET as a value. */
async function failingInsert(): Promise<unknown> {
  try {
    await testDb.db.insert(apiTokens).values({ orgId: f.org.id, userId: randomUUID(), name: "CI", tokenHash: SECRET, prefix: "vrk_" });
  } catch (error) {
    return error;
  }
  throw new Error("the insert was expected to fail");
}

describe("error text", () => {
  it("keeps the database's words and the stack frames, not the query's values", async () => {
    const error = await failingInsert();
    expect(String((error as Error).message)).toContain(SECRET); // what Drizzle would have logged
    expect(errorMessage(error)).toMatch(/foreign key/);
    expect(errorMessage(error)).not.toContain(SECRET);
    const logged = errorForLog(error);
    expect(logged).toMatch(/foreign key/);
    expect(logged).toMatch(/\n\s+at /);
    expect(logged).not.toContain(SECRET);
  });

  it("cuts URLs, which may hold a Bitrix24 webhook's secret code", () => {
    const error = new Error("fetch failed for https://portal.bitrix24.ru/rest/1/s3cr3tc0de/crm.deal.list.json: ECONNRESET");
    expect(errorMessage(error)).toBe("fetch failed for [url] ECONNRESET");
    expect(errorForLog(error)).not.toContain("s3cr3tc0de");
  });

  it("an API route's unexpected database error answers 500 and logs no value of the query", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const response = errorResponse(await failingInsert());
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: { code: "internal_error", message: "Something went wrong on our side; the error has been logged" } });
      expect(logged).toHaveBeenCalledTimes(1);
      expect(JSON.stringify(logged.mock.calls)).not.toContain(SECRET);
      expect(JSON.stringify(logged.mock.calls)).toMatch(/foreign key/);
    } finally {
      logged.mockRestore();
    }
  });
});

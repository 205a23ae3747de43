// The health check anyone may call: it says whether the database answers and how many migrations
// it has, and never where the embedded database lives or which process holds it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDbHandle } from "@/db/client";
import { DatabaseInUseError } from "@/db/pglite-lock";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import journal from "@/drizzle/meta/_journal.json";
import { GET } from "./route";

vi.mock("@/db/client", () => ({ getDbHandle: vi.fn() }));

let testDb: TestDb;
beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(() => testDb.close());

describe("GET /api/health", () => {
  it("answers ok with every migration of drizzle/ applied", async () => {
    vi.mocked(getDbHandle).mockResolvedValueOnce({ db: testDb.db, mode: "pglite", close: async () => {} });
    const response = await GET();
    expect(response.status).toBe(200);
    expect((await response.json()).database).toMatchObject({ reachable: true, migrations: journal.entries.length });
  });

  it("says the embedded database is in use, without its folder or the process holding it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.mocked(getDbHandle).mockRejectedValueOnce(new DatabaseInUseError("/home/anna/voronka/.data/pglite", 4242));
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.database).toMatchObject({ reachable: false, error: "the embedded database is in use by another process; the server log says which" });
    expect(JSON.stringify(body)).not.toMatch(/anna|4242/);
    // The person running the server finds both in its log.
    expect(JSON.stringify(logged.mock.calls)).toMatch(/\/home\/anna\/voronka\/\.data\/pglite is in use by process 4242/);
    logged.mockRestore();
  });
});

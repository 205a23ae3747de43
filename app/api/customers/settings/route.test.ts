// PUT /api/customers/settings: an admin sets the thresholds of their own organisation; bad values
// are refused naming the field and change nothing; other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { getCustomerSettings } from "@/lib/customers/settings";
import { PUT } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};
const put = (body: unknown, who = "admin") => callRoute(PUT, "/api/customers/settings", { as: { token: token[who] }, method: "PUT", body });

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
});
afterAll(() => testDb.close());

describe("PUT /api/customers/settings", () => {
  it("saves the admin's thresholds for their organisation only", async () => {
    const before = await getCustomerSettings(testDb.db, b.org.id);
    const answer = await put({ vipTotalThreshold: "250000", inactiveDays: 90 });
    expect(answer).toEqual({ status: 200, body: { settings: { vipTotalThreshold: "250000.00", inactiveDays: 90 } } });
    expect(await getCustomerSettings(testDb.db, a.org.id)).toEqual({ vipTotalThreshold: "250000.00", inactiveDays: 90 });
    expect(await getCustomerSettings(testDb.db, b.org.id)).toEqual(before);
  });

  it("refuses a threshold of 0 and 0 inactive days naming the field, and keeps what was saved", async () => {
    expect((await put({ vipTotalThreshold: "0", inactiveDays: 90 })).body.error).toMatchObject({ code: "validation_error", field: "vipTotalThreshold" });
    expect((await put({ vipTotalThreshold: "100", inactiveDays: 0 })).body.error).toMatchObject({ code: "validation_error", field: "inactiveDays" });
    expect(await getCustomerSettings(testDb.db, a.org.id)).toEqual({ vipTotalThreshold: "250000.00", inactiveDays: 90 });
  });

  it("refuses a director and a manager", async () => {
    for (const who of ["director", "bob"]) expect((await put({ vipTotalThreshold: "1", inactiveDays: 1 }, who)).status).toBe(403);
  });
});

// PUT /api/ai/settings: an admin opts their organisation in and sets the budget; bad values are refused
// naming the field and change nothing; other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { getAiSettings } from "@/lib/ai/settings";
import { createApiToken } from "@/lib/auth/tokens";
import { PUT } from "./route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};
const put = (body: unknown, who = "admin") => callRoute(PUT, "/api/ai/settings", { as: { token: token[who] }, method: "PUT", body });

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

describe("PUT /api/ai/settings", () => {
  it("is off with a budget of 1 000 000 tokens and 7 quiet days for the risk flag until saved, then saves for the admin's organisation only", async () => {
    expect(await getAiSettings(testDb.db, a.org.id)).toEqual({ isAnalysisEnabled: false, monthlyTokenBudget: 1_000_000, riskQuietDays: 7 });
    expect(await put({ isAnalysisEnabled: true, monthlyTokenBudget: 250000 })).toEqual({ status: 200, body: { settings: { isAnalysisEnabled: true, monthlyTokenBudget: 250000, riskQuietDays: 7 } } });
    expect(await getAiSettings(testDb.db, a.org.id)).toEqual({ isAnalysisEnabled: true, monthlyTokenBudget: 250000, riskQuietDays: 7 });
    expect(await getAiSettings(testDb.db, b.org.id)).toEqual({ isAnalysisEnabled: false, monthlyTokenBudget: 1_000_000, riskQuietDays: 7 });
    const audited = await testDb.db.select().from(auditLog).where(and(eq(auditLog.orgId, a.org.id), eq(auditLog.action, "ai_settings.update")));
    expect(audited.map((row) => row.details)).toEqual([{ isAnalysisEnabled: { from: false, to: true }, monthlyTokenBudget: { from: 1_000_000, to: 250000 } }]);
  });

  it("refuses a negative or fractional budget and a missing switch naming the field, and keeps what was saved", async () => {
    expect((await put({ isAnalysisEnabled: true, monthlyTokenBudget: -1 })).body.error).toMatchObject({ code: "validation_error", field: "monthlyTokenBudget" });
    expect((await put({ isAnalysisEnabled: true, monthlyTokenBudget: 1.5 })).body.error).toMatchObject({ code: "validation_error", field: "monthlyTokenBudget" });
    expect((await put({ monthlyTokenBudget: 10 })).body.error).toMatchObject({ code: "validation_error", field: "isAnalysisEnabled" });
    // the risk flag's quiet days: a whole number from 1 to 365
    for (const riskQuietDays of [0, 366, 2.5, "often"]) {
      expect((await put({ isAnalysisEnabled: true, monthlyTokenBudget: 10, riskQuietDays })).body.error).toMatchObject({ code: "validation_error", field: "riskQuietDays" });
    }
    expect(await getAiSettings(testDb.db, a.org.id)).toEqual({ isAnalysisEnabled: true, monthlyTokenBudget: 250000, riskQuietDays: 7 });
  });

  it("saves the risk flag's quiet days, and keeps them when a client leaves them out", async () => {
    expect((await put({ isAnalysisEnabled: true, monthlyTokenBudget: 250000, riskQuietDays: 14 })).body.settings).toEqual({ isAnalysisEnabled: true, monthlyTokenBudget: 250000, riskQuietDays: 14 });
    expect((await put({ isAnalysisEnabled: true, monthlyTokenBudget: 250000 })).body.settings.riskQuietDays).toBe(14);
  });

  it("refuses a director and a manager", async () => {
    for (const who of ["director", "bob"]) expect((await put({ isAnalysisEnabled: false, monthlyTokenBudget: 1 }, who)).status).toBe(403);
  });
});

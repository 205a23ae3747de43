// The Models page's API: admins read the model and its measurement and train a new version; a
// director or manager is refused; another organisation's models never show.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { callRoute } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { GET } from "./route";
import { POST } from "./train/route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, manager: a.users.alice, otherAdmin: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  // Three closed deals and an open one: far too few for a model, so each stage's win rate.
  await a.addDeal({ manager: "alice", stage: "WON", amount: "100", createdAt: "2025-01-01T00:00:00Z", closedAt: "2025-01-11T00:00:00Z" });
  await a.addDeal({ manager: "alice", stage: "LOSE", amount: "100", createdAt: "2025-02-01T00:00:00Z", closedAt: "2025-02-11T00:00:00Z" });
  await a.addDeal({ manager: "bob", stage: "WON", amount: "100", createdAt: "2025-03-01T00:00:00Z", closedAt: "2025-03-11T00:00:00Z" });
  await a.addDeal({ manager: "bob", stage: "NEW", amount: "100", createdAt: "2025-04-01T00:00:00Z" });
});
afterAll(() => testDb.close());

const read = (who: string) => callRoute(GET, "/api/models", { as: { token: token[who] } });
const train = (who: string) => callRoute(POST, "/api/models/train", { as: { token: token[who] }, method: "POST" });

describe("/api/models", () => {
  it("shows no model before the first training, and the minimum for a real one", async () => {
    const answer = await read("admin");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ model: null, history: [], minClosedDeals: 200 });
  });

  it("trains a new version on request, records who asked, and lists it first", async () => {
    const trained = await train("admin");
    expect(trained.status).toBe(201);
    expect(trained.body.model).toMatchObject({ version: 1, kind: "stage-rate", closedDeals: 3, trainRows: 2, testRows: 1 });
    expect(trained.body.model).not.toHaveProperty("params");
    expect((await train("admin")).body.model.version).toBe(2);
    const answer = await read("admin");
    expect(answer.body.model).toMatchObject({ version: 2, closedDeals: 3 });
    expect(answer.body.history.map((m: { version: number }) => m.version)).toEqual([2, 1]);
    const audit = await testDb.db.select().from(auditLog).where(eq(auditLog.orgId, a.org.id));
    expect(audit.filter((entry) => entry.action === "win_model.train")).toHaveLength(2);
  });

  it("refuses directors and managers, and shows another organisation only its own", async () => {
    for (const who of ["director", "manager"]) {
      expect((await read(who)).status).toBe(403);
      expect((await train(who)).status).toBe(403);
    }
    expect((await read("otherAdmin")).body).toMatchObject({ model: null, history: [] });
  });
});

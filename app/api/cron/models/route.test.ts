// GET /api/cron/models: refused without the cron secret; what it runs (upkeepAllModels, here for
// this test's organisation only: on the shared PostgreSQL the route would go over every test's) gives
// an organisation with closed deals but no model one, and its open deal a stored probability.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { dealWinScores, winModels } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { env } from "@/lib/env";
import { upkeepAllModels } from "@/lib/predict/background";
import { GET } from "./route";

let testDb: TestDb;
let f: OrgFixture;
let open: { id: string };
const original = env.CRON_SECRET;
const SECRET = "a-cron-secret-of-some-length";

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2026-01-01T06:00:00Z", closedAt: "2026-01-05T06:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1000", createdAt: "2026-01-02T06:00:00Z", closedAt: "2026-01-06T06:00:00Z" });
  open = await f.addDeal({ manager: "alice", stage: "NEW", amount: "5000", createdAt: "2026-02-01T06:00:00Z" });
}, 120_000);
afterAll(() => testDb.close());
afterEach(() => {
  env.CRON_SECRET = original;
});

const call = (authorization?: string) => GET(new Request("http://localhost/api/cron/models", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/models", () => {
  it("fails closed when CRON_SECRET is unset, and refuses a wrong bearer token, training nothing", async () => {
    env.CRON_SECRET = undefined;
    expect((await call("Bearer undefined")).status).toBe(401);
    env.CRON_SECRET = SECRET;
    expect((await call(`Bearer ${SECRET.slice(0, -1)}X`)).status).toBe(401);
    expect(await testDb.db.select().from(winModels).where(eq(winModels.orgId, f.org.id))).toEqual([]);
  });

  it("trains the organisation's first model (the stage-rate fallback: 2 closed deals < 200) and stores its open deal's probability", async () => {
    expect(await upkeepAllModels(testDb.db, { orgId: f.org.id })).toEqual({ organisations: 1, trained: 1, scored: 1, isComplete: true });
    const [model] = await testDb.db.select().from(winModels).where(eq(winModels.orgId, f.org.id));
    expect(model).toMatchObject({ version: 1, kind: "stage-rate", closedDeals: 2 });
    const [score] = await testDb.db.select().from(dealWinScores).where(and(eq(dealWinScores.orgId, f.org.id), eq(dealWinScores.dealId, open.id)));
    // NEW has no closed deal of its own history: the overall rate, Laplace-smoothed, (1 + 1) / (2 + 2) = 0.5.
    expect(score).toMatchObject({ modelVersion: 1, probability: 0.5 });
  });
});

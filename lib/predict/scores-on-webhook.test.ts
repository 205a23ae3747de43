// A webhook that brings a new open deal gets it scored in the background once its batch has
// committed: the inbox drain asks (lib/ingest/process/drain.ts), the background scores
// (background.ts), and the deal card's probability is there without any request computing it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deals, dealWinScores, winModels } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { drainInbox } from "@/lib/ingest/process/drain";
import { storeInboxEvent } from "@/lib/ingest/receive/inbox";
import { amoBody, amoLead } from "@/lib/ingest/test/bodies";
import { createWebhookSources, type TestSources } from "@/lib/ingest/test/sources";
import { isTraining, startModelTraining, stopModelTraining } from "./background";

let testDb: TestDb;
let f: OrgFixture;
let s: TestSources;
const NAMES = ["log1p(ageDays)", "log1p(daysInStage)", "log1p(touches)", "log1p(daysSinceTouch)", "log1p(amount)", "stageRank", "stageUnknown"];

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  s = await createWebhookSources(testDb.db, f.org.id);
  // Every weight 0: each open deal at 1 / (1 + e⁰) = 0.5.
  await testDb.db.insert(winModels).values({
    orgId: f.org.id, version: 1, kind: "logistic", trainedAt: new Date(), closedDeals: 500, trainRows: 400, testRows: 100,
    params: { kind: "logistic", numeric: { names: NAMES, means: NAMES.map(() => 0), stds: NAMES.map(() => 1) }, categories: { pipeline: [], source: [], manager: [] }, weights: [0, ...NAMES.map(() => 0)] },
  });
  startModelTraining(async () => testDb.db, { sweepMs: 0 });
}, 120_000);
afterAll(async () => {
  stopModelTraining();
  await testDb.close();
});

describe("scoring after a webhook", () => {
  it("scores the open deal an amoCRM hook created, after its batch committed", async () => {
    const t0 = Math.floor(Date.now() / 1000) - 86_400;
    const body = amoBody(s.amoAccount, { leads: { add: [amoLead({ id: "7001", statusId: "41893093", pipelineId: "4542166", price: "150000", createdAt: t0, updatedAt: t0 })] } });
    await storeInboxEvent(testDb.db, { orgId: f.org.id, sourceId: s.amo.id, eventType: "amo", contentType: "application/x-www-form-urlencoded", headers: {}, body, status: "pending" });
    expect(await drainInbox(testDb.db, { orgId: f.org.id })).toMatchObject({ done: 1 });
    for (let i = 0; i < 200 && isTraining(f.org.id); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    const [deal] = await testDb.db.select({ id: deals.id }).from(deals).where(and(eq(deals.sourceId, s.amo.id), eq(deals.externalId, "7001")));
    const scores = await testDb.db.select().from(dealWinScores).where(and(eq(dealWinScores.orgId, f.org.id), eq(dealWinScores.dealId, deal.id)));
    expect(scores.map((row) => [row.probability, row.modelVersion])).toEqual([[0.5, 1]]);
  });
});

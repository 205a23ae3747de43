// The win probability written back: a deal's stored score (deal_win_scores, 0 … 1) reaches the mock
// Bitrix24 portal as whole percent, a changed score is queued once, and unscored deals write nothing.
import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { dealWinScores, deals } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { dryRunWriteBack, runWriteBack } from "./manage";
import { fastDeps, setWriteBack, syncedSource } from "./test-setup";

let testDb: TestDb;
const mocks: Bitrix24Mock[] = [];

beforeAll(async () => {
  testDb = await createTestDb();
});
afterEach(async () => {
  while (mocks.length) await mocks.pop()!.close();
});
afterAll(() => testDb.close());

async function score(dealId: string, orgId: string, probability: number) {
  await testDb.db
    .insert(dealWinScores)
    .values({ dealId, orgId, modelVersion: 1, probability, scoredAt: new Date() })
    .onConflictDoUpdate({ target: dealWinScores.dealId, set: { probability } });
}

describe("write-back of the win probability", () => {
  it("writes scored deals' probability in percent, a changed score once, and nothing for unscored deals", async () => {
    const mock = await startBitrix24Mock({ deals: 12, seed: 5 });
    mocks.push(mock);
    const { f, source } = await syncedSource(testDb.db, "bitrix24", mock.url, { kind: "bitrix24-webhook", webhookUrl: mock.webhookUrl });
    const pass = () => runWriteBack(testDb.db, f.org.id, source.id, { deps: fastDeps });
    const ours = await testDb.db
      .select({ id: deals.id, externalId: deals.externalId })
      .from(deals)
      .where(and(eq(deals.orgId, f.org.id), eq(deals.sourceId, source.id)))
      .orderBy(asc(sql`${deals.externalId}::bigint`));
    expect(ours).toHaveLength(12);
    const [first, second] = ours;
    await score(first.id, f.org.id, 0.634); // 63.4 % → 63
    await score(second.id, f.org.id, 0.5); // 50 %
    await setWriteBack(testDb.db, source.id, { isEnabled: true, fields: { win_probability: "UF_CRM_WIN_CHANCE" } });

    // 2 scored deals, one value each; the 10 unscored deals have nothing to write.
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 2, contacts: 0, leads: 0, values: 2 });
    expect(await pass()).toMatchObject({ queued: 2, sent: 2, dead: 0 });
    expect(mock.writeBatches).toEqual([2]);
    expect(mock.state.mutations.get("deal", Number(first.externalId))).toMatchObject({ UF_CRM_WIN_CHANCE: "63" });
    expect(mock.state.mutations.get("deal", Number(second.externalId))).toMatchObject({ UF_CRM_WIN_CHANCE: "50" });
    const written = mock.state.mutations.rows("deal").filter((row) => "UF_CRM_WIN_CHANCE" in row);
    expect(written.map((row) => String(row.ID)).sort()).toEqual([first.externalId, second.externalId].sort());

    // The first deal is rescored at 71 %: one deal, one value, one command; rescoring at the same percent writes nothing.
    await score(first.id, f.org.id, 0.71);
    await score(second.id, f.org.id, 0.504); // still 50 %
    expect(await dryRunWriteBack(testDb.db, f.org.id, source.id)).toEqual({ deals: 1, contacts: 0, leads: 0, values: 1 });
    expect(await pass()).toMatchObject({ queued: 1, sent: 1 });
    expect(mock.writeBatches).toEqual([2, 1]);
    expect(mock.state.mutations.get("deal", Number(first.externalId))).toMatchObject({ UF_CRM_WIN_CHANCE: "71" });
    expect(await pass()).toMatchObject({ queued: 0, sent: 0, requests: 0 });
    expect(mock.writeBatches).toEqual([2, 1]);
  });
});

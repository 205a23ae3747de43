// Reports read from the replica only while it is fresh: the staleness bound of docs/deploy.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "./test/test-db";
import { chooseReportDb, replicaLagQuery, type Replica } from "./report-db";
import type { Db } from "./types";

const primary = { name: "primary" } as unknown as Db;
const replicaDb = { name: "replica" } as unknown as Db;

function replicaLagging(...lags: (number | Error)[]): Replica & { asked: number } {
  const replica = {
    db: replicaDb,
    asked: 0,
    lagSeconds: async () => {
      const lag = lags[Math.min(replica.asked++, lags.length - 1)];
      if (lag instanceof Error) throw lag;
      return lag;
    },
  };
  return replica;
}

describe("the database a report reads", () => {
  it("is the primary when no replica is configured", async () => {
    expect(await chooseReportDb(primary, null, 30, {})).toBe(primary);
  });

  it("is the replica while it lags 30 s or less, the primary beyond, and the primary when the replica cannot answer", async () => {
    expect(await chooseReportDb(primary, replicaLagging(3), 30, {})).toBe(replicaDb);
    expect(await chooseReportDb(primary, replicaLagging(30), 30, {})).toBe(replicaDb);
    expect(await chooseReportDb(primary, replicaLagging(31), 30, {})).toBe(primary);
    expect(await chooseReportDb(primary, replicaLagging(new Error("connection refused")), 30, {})).toBe(primary);
  });

  it("asks the replica's lag at most every 5 s, and follows it when it changes", async () => {
    const replica = replicaLagging(2, 90, 4);
    const state = {};
    const t0 = 1_000_000;
    expect(await chooseReportDb(primary, replica, 30, state, t0)).toBe(replicaDb);
    expect(await chooseReportDb(primary, replica, 30, state, t0 + 4_999)).toBe(replicaDb);
    expect(replica.asked).toBe(1);
    expect(await chooseReportDb(primary, replica, 30, state, t0 + 5_000)).toBe(primary); // 90 s behind
    expect(await chooseReportDb(primary, replica, 30, state, t0 + 10_000)).toBe(replicaDb); // caught up
    expect(replica.asked).toBe(3);
  });
});

describe("the replica's lag, asked of a real server", () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await createTestDb();
  });
  afterAll(() => testDb.close());

  it("is 0 on a server that is not replaying (a primary given as the replica)", async () => {
    expect(await replicaLagQuery(testDb.db)()).toBe(0);
  });
});

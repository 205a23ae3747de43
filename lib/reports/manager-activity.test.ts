import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crmUsers, deals, sources } from "@/db/schema";
import { addActivity } from "@/db/test/activity-fixtures";
import { addDealActivity } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import type { ReportFilters } from "./filters";
import { resolvePeriod } from "./filters";
import { refreshReportFacts } from "./facts/refresh";
import { getManagerActivity, type ManagerActivityFigures, type ManagerActivityResult } from "./manager-activity";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
// March 2025 in Almaty (UTC+5): [28 Feb 19:00 UTC, 31 Mar 19:00 UTC)
const march = { from: "2025-03-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  const db = testDb.db;
  await f.addRate("USD", "2025-03-01", "500");
  await f.addRate("USD", "2025-03-10", "510");

  // alice: 2 completed calls (300 s + 150 s = 7.5 min), 1 e-mail, 1 meeting, 1 task
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-03T05:00:00Z", durationSeconds: 300 });
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-04T05:00:00Z", durationSeconds: 150 });
  await addActivity(db, f, { manager: "alice", type: "email", startAt: "2025-03-05T05:00:00Z" });
  await addActivity(db, f, { manager: "alice", type: "meeting", startAt: "2025-03-06T05:00:00Z" });
  // 28 Feb 19:30 UTC = 1 March 00:30 in Almaty: March
  await addActivity(db, f, { manager: "alice", type: "task", startAt: "2025-02-28T19:30:00Z" });
  // not counted: not completed; 31 Mar 19:30 UTC = 1 April in Almaty; deleted
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-05T06:00:00Z", durationSeconds: 600, isCompleted: false });
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-31T19:30:00Z", durationSeconds: 900 });
  await addActivity(db, f, { manager: "alice", type: "call", startAt: "2025-03-10T05:00:00Z", durationSeconds: 1200, deletedAt: "2025-03-11T05:00:00Z" });
  // bob: 1 call of 100 s (1.67 → 1.7 min), 2 e-mails; an open task does not count
  await addActivity(db, f, { manager: "bob", type: "call", startAt: "2025-03-07T05:00:00Z", durationSeconds: 100 });
  await addActivity(db, f, { manager: "bob", type: "email", startAt: "2025-03-08T05:00:00Z" });
  await addActivity(db, f, { manager: "bob", type: "email", startAt: "2025-03-09T05:00:00Z" });
  await addActivity(db, f, { manager: "bob", type: "task", startAt: "2025-03-10T05:00:00Z", isCompleted: false });
  // carol (Online): 1 meeting, 1 call with no talk time recorded
  await addActivity(db, f, { manager: "carol", type: "meeting", startAt: "2025-03-11T05:00:00Z" });
  await addActivity(db, f, { manager: "carol", type: "call", startAt: "2025-03-12T05:00:00Z" });
  // no manager: 1 call of 60 s (admins only)
  await addActivity(db, f, { manager: null, type: "call", startAt: "2025-03-13T05:00:00Z", durationSeconds: 60 });

  // alice: won 100 000 ₸ (created in February) and 200 $ (closed 12 March at 510 → 102 000 ₸), lost 1;
  // created in March: the 200 $ deal, the lost one, an open one and one won on 1 April (Almaty) = 4
  const aliceFebruaryDeal = await f.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
  // its 2 touches (a call and an e-mail on two days of February: not March's activities)
  await addDealActivity(db, f, aliceFebruaryDeal.id, { type: "call", startAt: "2025-02-10T05:00:00Z" });
  await addDealActivity(db, f, aliceFebruaryDeal.id, { type: "email", startAt: "2025-02-11T05:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-12T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "LOSE", amount: "30000", createdAt: "2025-03-02T10:00:00Z", closedAt: "2025-03-03T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "40000", createdAt: "2025-03-10T10:00:00Z" });
  await f.addDeal({ manager: "alice", stage: "WON", amount: "999", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-31T20:30:00Z" });
  // bob: won 50 000 ₸ on 1 March 00:30 in Almaty, lost 2; a deleted won deal counts nowhere
  await f.addDeal({ manager: "bob", stage: "WON", amount: "50000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-02-28T19:30:00Z" });
  await f.addDeal({ manager: "bob", stage: "WON", amount: "1000000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-10T10:00:00Z", deletedAt: "2025-03-11T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1", createdAt: "2025-02-10T10:00:00Z", closedAt: "2025-03-15T10:00:00Z" });
  await f.addDeal({ manager: "bob", stage: "LOSE", amount: "1", createdAt: "2025-02-10T10:00:00Z", closedAt: "2025-03-16T10:00:00Z" });
  // carol: created and lost in March; won in February (not March)
  await f.addDeal({ manager: "carol", stage: "LOSE", amount: "5", createdAt: "2025-03-05T10:00:00Z", closedAt: "2025-03-06T10:00:00Z" });
  await f.addDeal({ manager: "carol", stage: "WON", amount: "70000", createdAt: "2025-01-10T10:00:00Z", closedAt: "2025-02-10T10:00:00Z" });
  // no manager: 1 deal created
  await f.addDeal({ manager: null, stage: "NEW", amount: "5000", createdAt: "2025-03-03T10:00:00Z" });

  // Another organisation's rows never show up.
  await addActivity(db, other, { manager: "alice", type: "call", startAt: "2025-03-03T05:00:00Z", durationSeconds: 6000 });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "777777", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
});
afterAll(() => testDb.close());

type Who = "admin" | "director" | "alice" | "bob" | "carol";
function run(who: Who, filters: ReportFilters = march): Promise<ManagerActivityResult> {
  const user = f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  return getManagerActivity({ db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now });
}

// Medians of the deals won in March: alice's won deals took 32 days (1 Feb → 5 Mar) with 2 touches
// and 11 days (1 → 12 Mar) with none: medians (2 + 0) ÷ 2 = 1 touch and (32 + 11) ÷ 2 = 21.5 days.
// bob's one: 1 Feb 10:00 → 28 Feb 19:30 UTC = 27 days 9.5 hours = 27.4 days, no touch.
const alice = { calls: 2, emails: 1, meetings: 1, tasks: 1, activitiesTotal: 5, callMinutes: 7.5, dealsCreated: 4, dealsWon: 2, wonAmount: "202000.00", winRate: 0.6667, medianTouchesPerWonDeal: 1, medianDaysToClose: 21.5 }; // 2 ÷ (2 + 1)
const bob = { calls: 1, emails: 2, meetings: 0, tasks: 0, activitiesTotal: 3, callMinutes: 1.7, dealsCreated: 0, dealsWon: 1, wonAmount: "50000.00", winRate: 0.3333, medianTouchesPerWonDeal: 0, medianDaysToClose: 27.4 }; // 1 ÷ (1 + 2)
const carol = { calls: 1, emails: 0, meetings: 1, tasks: 0, activitiesTotal: 2, callMinutes: 0, dealsCreated: 1, dealsWon: 0, wonAmount: "0.00", winRate: 0, medianTouchesPerWonDeal: null, medianDaysToClose: null }; // 0 ÷ (0 + 1)
const accountOf = (who: "alice" | "bob" | "carol", figures: ManagerActivityFigures) => ({ crmUserId: f.crmUsers[who].id, name: who, sourceName: "Portal", ...figures });
const nobody = { calls: 1, emails: 0, meetings: 0, tasks: 0, activitiesTotal: 1, callMinutes: 1, dealsCreated: 1, dealsWon: 0, wonAmount: "0.00", winRate: null, medianTouchesPerWonDeal: null, medianDaysToClose: null };

describe("manager activity", () => {
  it("shows an admin every manager, then the rows without one, and the organisation's totals", async () => {
    const result = await run("admin");
    expect(result.rows).toEqual([
      { managerId: f.users.alice.id, managerName: "alice", accounts: [accountOf("alice", alice)], ...alice },
      { managerId: f.users.bob.id, managerName: "bob", accounts: [accountOf("bob", bob)], ...bob },
      { managerId: f.users.carol.id, managerName: "carol", accounts: [accountOf("carol", carol)], ...carol },
      { managerId: null, managerName: null, accounts: [], ...nobody },
    ]);
    expect(result.totals).toEqual({
      calls: 5, // 2 + 1 + 1 + 1
      emails: 3,
      meetings: 2,
      tasks: 1,
      activitiesTotal: 11,
      callMinutes: 10.2, // (450 + 100 + 0 + 60) s = 610 s = 10.17 min
      dealsCreated: 6, // 4 + 0 + 1 + 1
      dealsWon: 3,
      wonAmount: "252000.00", // 100 000 + 102 000 + 50 000
      winRate: 0.4286, // 3 won ÷ (3 won + 4 lost)
      // the 3 won deals: touches 2, 0, 0 → median 0; days 32, 11, 27.4 → median 27.4
      medianTouchesPerWonDeal: 0,
      medianDaysToClose: 27.4,
    });
  });

  it("shows a manager only their own row", async () => {
    const result = await run("alice");
    expect(result.rows).toEqual([{ managerId: f.users.alice.id, managerName: "alice", accounts: [accountOf("alice", alice)], ...alice }]);
    expect(result.totals).toEqual(alice);
    expect((await run("carol")).totals).toEqual(carol);
  });

  it("shows a director their department, totals equal to the sum of their managers' own views", async () => {
    const result = await run("director");
    expect(result.rows.map((row) => row.managerName)).toEqual(["alice", "bob"]);
    const [own, ofBob] = [(await run("alice")).totals, (await run("bob")).totals];
    const sum = (key: "calls" | "emails" | "meetings" | "tasks" | "activitiesTotal" | "dealsCreated" | "dealsWon") => own[key] + ofBob[key];
    for (const key of ["calls", "emails", "meetings", "tasks", "activitiesTotal", "dealsCreated", "dealsWon"] as const) expect(result.totals[key]).toBe(sum(key));
    expect(result.totals).toMatchObject({
      activitiesTotal: 8, // 5 + 3
      callMinutes: 9.2, // 450 + 100 = 550 s = 9.17 min (7.5 + 1.7)
      wonAmount: "252000.00", // 202 000 + 50 000
      winRate: 0.5, // 3 won ÷ (3 won + 3 lost)
    });
  });

  it("applies the manager, department, source and pipeline filters", async () => {
    // a CRM user's id and the person's (Voronka user's) id select the same row
    expect((await run("admin", { ...march, managerId: f.crmUsers.bob.id })).rows).toEqual([{ managerId: f.users.bob.id, managerName: "bob", accounts: [accountOf("bob", bob)], ...bob }]);
    expect((await run("admin", { ...march, managerId: f.users.bob.id })).totals).toEqual(bob);
    expect((await run("admin", { ...march, departmentId: f.departments.online.id })).rows.map((row) => row.managerName)).toEqual(["carol"]);
    const otherSource = await run("admin", { ...march, sourceId: other.source.id });
    expect(otherSource.rows).toEqual([]);
    expect(otherSource.totals).toMatchObject({ activitiesTotal: 0, wonAmount: "0.00", winRate: null });
    // The pipeline filter limits the deal figures only: activities have no pipeline.
    const otherPipeline = await run("admin", { ...march, pipelineId: other.pipeline.id });
    expect(otherPipeline.totals).toMatchObject({ activitiesTotal: 11, dealsCreated: 0, dealsWon: 0, wonAmount: "0.00", winRate: null });
  });
});

describe("a person with accounts in two CRMs", () => {
  it("is one row, their Bitrix24 and amoCRM accounts as detail, and the manager filter selects both", async () => {
    const g = await createOrgFixture(testDb.db);
    const [amo] = await testDb.db.insert(sources).values({ orgId: g.org.id, kind: "amocrm", name: "Amo", webhookSecret: randomUUID() }).returning();
    const [aliceInAmo] = await testDb.db.insert(crmUsers).values({ orgId: g.org.id, sourceId: amo.id, externalId: "7", name: "Alice A.", userId: g.users.alice.id }).returning();
    // 100 000 won in the Portal (Bitrix24) and 50 000 in Amo, both in March
    await g.addDeal({ manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-05T10:00:00Z" });
    const [amoDeal] = await testDb.db
      .insert(deals)
      .values({ orgId: g.org.id, sourceId: amo.id, externalId: "1", title: "Amo deal", pipelineId: g.pipeline.id, stageId: g.stages.WON.id, amount: "50000", currency: "KZT", crmUserId: aliceInAmo.id, createdAt: new Date("2025-03-02T10:00:00Z"), closedAt: new Date("2025-03-06T10:00:00Z") })
      .returning();
    await refreshReportFacts(testDb.db, g.org.id, { dealIds: [amoDeal.id] });
    const admin = g.users.admin;
    const scope = scopeOf({ orgId: admin.orgId, role: admin.role, userId: admin.id, departmentId: admin.departmentId });
    const runFor = (filters: ReportFilters) => getManagerActivity({ db: testDb.db, scope, org, filters, period: resolvePeriod(filters, org.timezone, now), now });

    const result = await runFor(march);
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    // 100 000 + 50 000 = 150 000 from 2 won deals, 2 created; the accounts are named "alice" and
    // "Alice A.", so the person is named as Voronka names the user: "alice"
    expect(row).toMatchObject({ managerId: g.users.alice.id, managerName: "alice", dealsWon: 2, dealsCreated: 2, wonAmount: "150000.00" });
    expect(row.accounts.map(({ crmUserId, name, sourceName, wonAmount }) => ({ crmUserId, name, sourceName, wonAmount }))).toEqual([
      { crmUserId: aliceInAmo.id, name: "Alice A.", sourceName: "Amo", wonAmount: "50000.00" },
      { crmUserId: g.crmUsers.alice.id, name: "alice", sourceName: "Portal", wonAmount: "100000.00" },
    ]);
    // the person's filter counts both accounts; one account's id only that account
    expect((await runFor({ ...march, managerId: g.users.alice.id })).totals.wonAmount).toBe("150000.00");
    expect((await runFor({ ...march, managerId: aliceInAmo.id })).totals.wonAmount).toBe("50000.00");
  });
});

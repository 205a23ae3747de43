// The deal card: its stage timeline with days in each stage, its activities, its contact and
// company, its CRM link; and the scope (another manager's deal is "not found", not "forbidden").
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import { addDealActivity, addDealContact, addStageMoves } from "@/db/test/deal-fixtures";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf } from "@/lib/auth/scope";
import { getDealCard } from "./deal-card";
import { dealListFiltersSchema, listDeals } from "./deal-list";

let testDb: TestDb;
let f: OrgFixture;
let won: { id: string; externalId: string; title: string };
let open: { id: string };
const now = new Date("2025-03-12T12:00:00Z");
const viewer = (who: "admin" | "director" | "alice" | "bob" | "carol") => scopeOf({ ...f.users[who], userId: f.users[who].id });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db); // Asia/Almaty, UTC+5
  await testDb.db.update(sources).set({ crmAccountDomain: "voronka-test.bitrix24.kz", baseUrl: "https://voronka-test.bitrix24.kz/rest/1/secret/" }).where(eq(sources.id, f.source.id));
  won = await f.addDeal({ manager: "alice", stage: "WON", amount: "1000", createdAt: "2025-03-01T04:00:00Z", closedAt: "2025-03-06T04:00:00Z" });
  await addStageMoves(testDb.db, f, won.id, [
    ["NEW", "2025-03-01T04:00:00Z"],
    ["EXECUTING", "2025-03-03T16:00:00Z"],
    ["NEW", "2025-03-04T04:00:00Z"],
    ["WON", "2025-03-06T04:00:00Z"],
  ]);
  await addDealActivity(testDb.db, f, won.id, { type: "call", startAt: "2025-03-02T18:30:00Z", durationSeconds: 300, subject: "First call" });
  await addDealActivity(testDb.db, f, won.id, { type: "email", startAt: "2025-03-02T19:30:00Z" });
  await addDealActivity(testDb.db, f, won.id, { type: "meeting", startAt: "2025-03-03T05:00:00Z" });
  await addDealActivity(testDb.db, f, won.id, { type: "task", startAt: "2025-03-05T05:00:00Z", deletedAt: "2025-03-05T06:00:00Z" });
  await addDealContact(testDb.db, f, won.id, { name: "Айдар Сейтказы", phone: "+77001234567", email: "aidar@example.kz", company: "ТОО Алем" });
  open = await f.addDeal({ manager: "alice", stage: "NEW", amount: "500", createdAt: "2025-03-10T00:00:00Z" });
});
afterAll(() => testDb.close());

describe("getDealCard", () => {
  it("shows the stage timeline with the days spent in each stage", async () => {
    const card = await getDealCard(testDb.db, viewer("alice"), won.id, now);
    // NEW 03-01 04:00 → 03-03 16:00 = 2.5 days; EXECUTING → 03-04 04:00 = 0.5 day (12 h);
    // back to NEW → 03-06 04:00 = 2 days; WON: where it ended, no days counted.
    expect(card.timeline.map((entry) => [entry.stageName, entry.days, entry.isBackward])).toEqual([
      ["NEW", 2.5, false],
      ["EXECUTING", 0.5, false],
      ["NEW", 2, true],
      ["WON", null, false],
    ]);
    expect(card.timeline[0].enteredAt).toBe("2025-03-01T04:00:00.000Z");
    expect(card.timeline[3].leftAt).toBeNull();
  });

  it("counts an open deal's current stage until now when no move was recorded", async () => {
    const card = await getDealCard(testDb.db, viewer("alice"), open.id, now);
    // created 03-10 00:00, now 03-12 12:00: 2.5 days in NEW so far
    expect(card.timeline.map((entry) => [entry.stageName, entry.days])).toEqual([["NEW", 2.5]]);
    expect([card.activities, card.contact, card.company]).toEqual([[], null, null]);
  });

  it("lists live activities newest first with the call's talk time, the contact, its company and the CRM link", async () => {
    const card = await getDealCard(testDb.db, viewer("admin"), won.id, now);
    // the deleted task is left out: 3 of 4
    expect(card.activities.map((a) => [a.type, a.durationSeconds, a.managerName])).toEqual([
      ["meeting", null, "alice"],
      ["email", null, "alice"],
      ["call", 300, "alice"],
    ]);
    expect(card.activitiesTotal).toBe(3);
    expect(card.contact).toMatchObject({ name: "Айдар Сейтказы", phone: "+77001234567", email: "aidar@example.kz" });
    expect(card.company?.name).toBe("ТОО Алем");
    // the portal domain the CRM reported; the webhook URL's secret path is never used
    expect(card.deal.crmUrl).toBe(`https://voronka-test.bitrix24.kz/crm/deal/details/${won.externalId}/`);
    expect(card.timezone).toBe("Asia/Almaty");
  });

  it("hides a colleague's deal as not found, and refuses an id that is not one", async () => {
    await expect(getDealCard(testDb.db, viewer("bob"), won.id, now)).rejects.toMatchObject({ status: 404, code: "deal_not_found" });
    await expect(getDealCard(testDb.db, viewer("carol"), won.id, now)).rejects.toMatchObject({ status: 404 });
    await expect(getDealCard(testDb.db, viewer("director"), won.id, now)).resolves.toMatchObject({ deal: { title: won.title } });
    await expect(getDealCard(testDb.db, viewer("admin"), "42", now)).rejects.toMatchObject({ status: 400, code: "validation_error", field: "id" });
  });

  it("gives each row of the deals list the same CRM link as its card", async () => {
    const page = await listDeals(testDb.db, viewer("alice"), dealListFiltersSchema.parse({ sort: "created", order: "asc" }), { limit: 10 }, now);
    expect(page.deals.map((deal) => [deal.title, deal.crmUrl])).toEqual([
      [won.title, `https://voronka-test.bitrix24.kz/crm/deal/details/${won.externalId}/`],
      ["Deal 2", "https://voronka-test.bitrix24.kz/crm/deal/details/2/"],
    ]);
  });
});

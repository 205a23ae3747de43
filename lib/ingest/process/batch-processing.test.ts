// A source's batch applied at once must end exactly as the same events applied one by one: two
// organisations receive the same deliveries; one is drained in batches, the other one event at a
// time, and their deals, stage changes, contacts, orders and customers are compared. Then: one
// event the database refuses fails alone, and the rest of its batch is applied.
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { contacts, crmUsers, customers, deals, orders, stageChanges, stages, webhookEvents } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { selectRows } from "@/db/migrate";
import { rebuildReportFacts } from "@/lib/reports/facts/refresh";
import { storeInboxEvent } from "../receive/inbox";
import { amoBody, amoContact, amoLead, encodeBracketForm, shopBody, type ShopOrderInput } from "../test/bodies";
import { createWebhookSources, type TestSources } from "../test/sources";
import { drainInbox } from "./drain";

let testDb: TestDb;
let batched: TestSources;
let oneByOne: TestSources;

beforeAll(async () => {
  testDb = await createTestDb();
  batched = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
  oneByOne = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
  for (const s of [batched, oneByOne]) await testDb.db.insert(crmUsers).values({ orgId: s.amo.orgId, sourceId: s.amo.id, externalId: "8421298", name: "Менеджер amo" });
});
afterAll(() => testDb.close());

const t0 = 1_789_000_000; // 2026-09-09, long before any receive time of this run
const lead = (id: string, statusId: string, updatedAt: number, extra: Partial<Parameters<typeof amoLead>[0]> = {}) =>
  amoLead({ id, statusId, pipelineId: "4542166", price: "1000", createdAt: t0, updatedAt, modifiedUserId: "8421298", ...extra });

/** Deliveries in arrival order; the same list goes to both organisations. */
function amoDeliveries(s: TestSources): string[] {
  const hook = (events: Parameters<typeof amoBody>[1]) => amoBody(s.amoAccount, events);
  return [
    hook({ leads: { add: [lead("100", "41893093", t0, { price: "1000" })] } }),
    hook({ leads: { update: [lead("100", "41893094", t0 + 100, { oldStatusId: "41893093", price: "2000" })] } }),
    hook({ leads: { status: [lead("100", "41893095", t0 + 200, { oldStatusId: "41893094", price: "2000" })] } }),
    // Older than the one before it, delivered late: changes no field of the deal.
    hook({ leads: { update: [lead("100", "41893094", t0 + 150, { oldStatusId: "41893093", price: "1500" })] } }),
    // The same status hook again, as amoCRM re-sends.
    hook({ leads: { status: [lead("100", "41893095", t0 + 200, { oldStatusId: "41893094", price: "2000" })] } }),
    hook({ leads: { add: [lead("200", "41893093", t0)] } }),
    hook({ leads: { status: [lead("200", "142", t0 + 50, { oldStatusId: "41893093" })] } }),
    hook({ leads: { delete: [{ id: "200" }] } }),
    // Written before the delete, delivered after it: the deal stays deleted.
    hook({ leads: { update: [lead("200", "142", t0 + 60)] } }),
    // Two entities in one hook; then the contact is deleted.
    hook({ contacts: { add: [amoContact({ id: "300", name: "Айгерим", phone: "8 (701) 123-45-67", createdAt: t0, updatedAt: t0 })] }, leads: { add: [lead("400", "41893093", t0)] } }),
    hook({ contacts: { delete: [{ id: "300" }] } }),
    // A Digital Pipeline hook (ids only) moves deal 100 to won, keeping the rest of it.
    hook({ leads: { status: [{ id: "100", status_id: "142", pipeline_id: "4542166", old_status_id: "41893095", old_pipeline_id: "4542166" }] } }),
    // One list naming the same lead twice: the last item wins, as in one hook alone.
    hook({ leads: { update: [lead("500", "41893093", t0 + 10, { price: "700" }), lead("500", "41893094", t0 + 20, { price: "900" })] } }),
  ];
}

type ShopDelivery = [event: string, order: ShopOrderInput | { id: string; updatedAt?: string }];
const asel = { phone: "8 (701) 123-45-67" };
const shopDeliveries: ShopDelivery[] = [
  ["order.created", { id: "D1", status: "completed", total: "10000", createdAt: "2026-11-01T10:00:00+05:00", updatedAt: "2026-11-01T10:00:00+05:00", customer: asel }],
  ["order.updated", { id: "D1", status: "completed", total: "12000", createdAt: "2026-11-01T10:00:00+05:00", updatedAt: "2026-11-01T12:00:00+05:00", customer: { ...asel, name: "Асель Нурланова", email: "ASEL@mail.kz" } }],
  // Older than the stored version: skipped.
  ["order.updated", { id: "D1", status: "cancelled", total: "1", createdAt: "2026-11-01T10:00:00+05:00", updatedAt: "2026-11-01T11:00:00+05:00", customer: asel }],
  // A later order of the same person with another spelling: the name filled first stays.
  ["order.created", { id: "D2", status: "completed", total: "8000", createdAt: "2026-11-05T10:00:00+05:00", customer: { ...asel, name: "Асель Н.", email: "other@mail.kz" } }],
  // A delete that arrives before the older create: the order stays deleted.
  ["order.deleted", { id: "D3", updatedAt: "2026-11-06T10:00:00+05:00" }],
  ["order.created", { id: "D3", status: "completed", total: "500000", createdAt: "2026-11-05T10:00:00+05:00", customer: asel }],
  // Moves to another customer, is deleted, then comes back with a newer change.
  ["order.created", { id: "D4", status: "completed", total: "3000", createdAt: "2026-11-07T10:00:00+05:00", customer: { phone: "+7 702 000 00 01", name: "Бекзат" } }],
  ["order.updated", { id: "D4", status: "completed", total: "3000", createdAt: "2026-11-07T10:00:00+05:00", updatedAt: "2026-11-07T11:00:00+05:00", customer: { phone: "+7 702 000 00 02", name: "Дана" } }],
  ["order.deleted", { id: "D4", updatedAt: "2026-11-07T12:00:00+05:00" }],
  ["order.updated", { id: "D4", status: "completed", total: "4000", createdAt: "2026-11-07T10:00:00+05:00", updatedAt: "2026-11-07T13:00:00+05:00", customer: { phone: "+7 702 000 00 02", name: "Дана" } }],
  // Delivered twice, and a customer known by e-mail only.
  ["order.created", { id: "D5", status: "new", total: "700", createdAt: "2026-11-08T10:00:00+05:00", customer: { email: "Guest@Mail.kz", name: "Гость" } }],
  ["order.created", { id: "D5", status: "new", total: "700", createdAt: "2026-11-08T10:00:00+05:00", customer: { email: "Guest@Mail.kz", name: "Гость" } }],
];

async function deliverAll(s: TestSources) {
  const form = "application/x-www-form-urlencoded";
  for (const body of amoDeliveries(s)) await storeInboxEvent(testDb.db, { orgId: s.amo.orgId, sourceId: s.amo.id, eventType: "amo", contentType: form, headers: {}, body, status: "pending" });
  for (const [event, order] of shopDeliveries) {
    await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: event, contentType: "application/json", headers: {}, body: shopBody(event, order), status: "pending" });
  }
}

/** Times from the hooks stay; times taken at receipt differ between the two runs and read "at receipt". */
const when = (at: Date | null) => (at === null ? null : at.getTime() < Date.parse("2026-11-15T00:00:00Z") ? at.toISOString() : "at receipt");

async function snapshot(s: TestSources) {
  const from = alias(stages, "from_stage");
  const dealRows = await testDb.db
    .select({ id: deals.externalId, stage: stages.externalId, title: deals.title, amount: deals.amount, updatedAt: deals.updatedAt, closedAt: deals.closedAt, deletedAt: deals.deletedAt, utm: deals.utmSource })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .where(eq(deals.sourceId, s.amo.id))
    .orderBy(asc(deals.externalId));
  const moves = await testDb.db
    .select({ deal: deals.externalId, from: from.externalId, to: stages.externalId, at: stageChanges.changedAt, who: crmUsers.externalId, kind: stageChanges.externalId })
    .from(stageChanges)
    .innerJoin(deals, eq(deals.id, stageChanges.dealId))
    .innerJoin(stages, eq(stages.id, stageChanges.toStageId))
    .leftJoin(from, eq(from.id, stageChanges.fromStageId))
    .leftJoin(crmUsers, eq(crmUsers.id, stageChanges.crmUserId))
    .where(eq(stageChanges.sourceId, s.amo.id));
  const contactRows = await testDb.db.select({ id: contacts.externalId, phone: contacts.phone, deletedAt: contacts.deletedAt }).from(contacts).where(eq(contacts.sourceId, s.amo.id));
  const orderRows = await testDb.db
    .select({ id: orders.externalId, status: orders.status, total: orders.total, updatedAt: orders.updatedAt, deletedAt: orders.deletedAt, phone: customers.phone, customerEmail: customers.email })
    .from(orders)
    .leftJoin(customers, eq(customers.id, orders.customerId))
    .where(eq(orders.sourceId, s.shop.id))
    .orderBy(asc(orders.externalId));
  const customerRows = await testDb.db
    .select({ phone: customers.phone, email: customers.email, name: customers.name, orders: customers.orderCount, completed: customers.completedOrderCount, spent: customers.totalSpent, average: customers.averageCheck, category: customers.category })
    .from(customers)
    .where(eq(customers.orgId, s.shop.orgId))
    .orderBy(asc(customers.phone), asc(customers.email));
  return {
    deals: dealRows.map((d) => ({ ...d, updatedAt: when(d.updatedAt), closedAt: when(d.closedAt), deletedAt: d.deletedAt ? "deleted" : null })),
    // A move the layer derived from a stage difference keeps its own id ("derived:…"); one amoCRM reported, "amo:…".
    moves: moves
      .map((m) => ({ deal: m.deal, from: m.from, to: m.to, at: when(m.at), who: m.who, kind: m.kind.split(":")[0] }))
      .sort((a, b) => `${a.deal} ${a.at} ${a.to}`.localeCompare(`${b.deal} ${b.at} ${b.to}`)),
    contacts: contactRows.map((c) => ({ ...c, deletedAt: c.deletedAt ? "deleted" : null })),
    orders: orderRows.map((o) => ({ ...o, updatedAt: when(o.updatedAt), deletedAt: o.deletedAt ? when(o.deletedAt) : null })),
    customers: customerRows,
  };
}

/** What the dashboards read for one organisation: the deal and stage rollups, in a stable order. */
async function rollupsOf(orgId: string) {
  const deals = await selectRows<{ kind: string; day: string; stage: string; deals: number; amount: string }>(
    testDb.db,
    sql`select kind, day::text as day, stage_id::text as stage, deals::int as deals, amount::text as amount from report_deal_daily where org_id = ${orgId} order by 1, 2, 3`,
  );
  const stagesReached = await selectRows<{ day: string; stage: string; first: number; last: number; stays: string }>(
    testDb.db,
    sql`select day::text as day, stage_id::text as stage, first_reached::int as first, last_reached::int as last, stay_seconds::text as stays from report_stage_daily where org_id = ${orgId} order by 1, 2`,
  );
  return { deals, stagesReached };
}

describe("batch processing", () => {
  it("ends with the same deals, stage changes, contacts, orders and customers as one event at a time", async () => {
    await deliverAll(batched);
    await deliverAll(oneByOne);
    const warn = vi.spyOn(console, "warn");
    const batchRun = await drainInbox(testDb.db, { orgId: batched.amo.orgId });
    const oneRun = await drainInbox(testDb.db, { orgId: oneByOne.amo.orgId, oneByOne: true });
    // 13 amoCRM hooks + 12 shop deliveries, every one done, and the batch never fell back.
    expect(batchRun).toMatchObject({ done: 25, failed: 0, rejected: 0, dead: 0 });
    expect(oneRun).toMatchObject({ done: 25, failed: 0, rejected: 0, dead: 0 });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();

    const mine = await snapshot(batched);
    expect(mine).toEqual(await snapshot(oneByOne));

    // What a person would check, spelled out.
    const deal = (id: string) => mine.deals.find((d) => d.id === id);
    // Deal 100: won by the Digital Pipeline hook; price 2 000 from the newest full hook (the late 1 500 lost).
    expect(deal("100")).toMatchObject({ stage: "142", amount: "2000.00", updatedAt: new Date((t0 + 200) * 1000).toISOString(), deletedAt: null });
    expect(deal("200")?.deletedAt).toBe("deleted");
    // The last item of one list wins: 900 in stage 41893094.
    expect(deal("500")).toMatchObject({ stage: "41893094", amount: "900.00" });
    // Deal 100's funnel: created in 41893093, then each reported move once, in order (the re-sent hook adds nothing).
    expect(mine.moves.filter((m) => m.deal === "100").map((m) => `${m.from ?? "∅"}→${m.to}`)).toEqual([
      "∅→41893093",
      "41893093→41893094",
      "41893093→41893094", // the late hook reports its own move at t0 + 150
      "41893094→41893095",
      "41893095→142",
    ]);
    expect(mine.contacts).toEqual([{ id: "300", phone: "+77011234567", deletedAt: "deleted" }]);
    const order = (id: string) => mine.orders.find((o) => o.id === id);
    expect(order("D1")).toMatchObject({ total: "12000.00", status: "completed", phone: "+77011234567" });
    expect(order("D3")?.deletedAt).not.toBeNull();
    expect(order("D4")).toMatchObject({ total: "4000.00", deletedAt: null, phone: "+77020000002" });
    const customer = (phone: string | null, email?: string) => mine.customers.find((c) => c.phone === phone && (email === undefined || c.email === email));
    // Асель: D1 12 000 + D2 8 000 = 20 000 over 2 completed orders; the name and e-mail from D1's update.
    expect(customer("+77011234567")).toMatchObject({ name: "Асель Нурланова", email: "asel@mail.kz", orders: 2, completed: 2, spent: "20000.00", average: "10000.00" });
    // Бекзат lost D4 to Дана: no orders left; Дана has D4 at 4 000.
    expect(customer("+77020000001")).toMatchObject({ orders: 0, spent: "0.00" });
    expect(customer("+77020000002")).toMatchObject({ name: "Дана", orders: 1, spent: "4000.00" });
    expect(customer(null, "guest@mail.kz")).toMatchObject({ name: "Гость", orders: 1, completed: 0 });

    // The dashboards' rollups, kept current once per batch, equal a rebuild from the rows: leads
    // 100, 200, 400 and 500 were created and 200 deleted, so the created-deals rollup counts 3.
    const before = await rollupsOf(batched.amo.orgId);
    expect(before.deals.filter((row) => row.kind === "created").reduce((sum, row) => sum + row.deals, 0)).toBe(3);
    await rebuildReportFacts(testDb.db, batched.amo.orgId);
    expect(await rollupsOf(batched.amo.orgId)).toEqual(before);
  }, 90_000); // two organisations drained, one of them an event at a time with its facts and deal patterns refreshed per event: about 25 s alone

  it("rejects only the event the database refuses and applies the rest of its batch", async () => {
    const s = await createWebhookSources(testDb.db, (await createOrgFixture(testDb.db)).org.id);
    const ids: number[] = [];
    for (let i = 1; i <= 5; i++) {
      // Order P-3's customer name holds a NUL character: valid JSON, but PostgreSQL refuses it in text.
      const name = i === 3 ? "Bad\u0000Name" : `Покупатель ${i}`;
      const body = shopBody("order.created", { id: `P-${i}`, status: "completed", total: "100", createdAt: "2026-11-10T10:00:00+05:00", customer: { phone: "+7 701 555 00 00", name } });
      ids.push(await storeInboxEvent(testDb.db, { orgId: s.shop.orgId, sourceId: s.shop.id, eventType: "order.created", contentType: "application/json", headers: {}, body, status: "pending" }));
    }
    const poisonedLead = encodeBracketForm({ account: { id: s.amoAccount.id, subdomain: s.amoAccount.subdomain }, leads: { add: [{ ...lead("900", "41893093", t0), name: "Bad\u0000Lead" }] } });
    const amoIds = [
      await storeInboxEvent(testDb.db, { orgId: s.amo.orgId, sourceId: s.amo.id, eventType: "amo", contentType: "x", headers: {}, body: amoBody(s.amoAccount, { leads: { add: [lead("901", "41893093", t0)] } }), status: "pending" }),
      await storeInboxEvent(testDb.db, { orgId: s.amo.orgId, sourceId: s.amo.id, eventType: "amo", contentType: "x", headers: {}, body: poisonedLead, status: "pending" }),
      await storeInboxEvent(testDb.db, { orgId: s.amo.orgId, sourceId: s.amo.id, eventType: "amo", contentType: "x", headers: {}, body: amoBody(s.amoAccount, { leads: { add: [lead("902", "41893093", t0)] } }), status: "pending" }),
    ];
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await drainInbox(testDb.db, { orgId: s.shop.orgId });
    // Both batches fell back to one by one.
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    // 4 + 2 applied; 1 + 1 rejected at once: a value the database refuses fails the same way on every attempt.
    expect(result).toMatchObject({ done: 6, failed: 0, dead: 0, rejected: 2 });
    const events = await testDb.db.select({ id: webhookEvents.id, status: webhookEvents.status, attempts: webhookEvents.attempts }).from(webhookEvents).where(eq(webhookEvents.orgId, s.shop.orgId)).orderBy(asc(webhookEvents.id));
    const statusOf = new Map(events.map((e) => [e.id, `${e.status}/${e.attempts}`]));
    expect(ids.map((id) => statusOf.get(id))).toEqual(["done/1", "done/1", "rejected/1", "done/1", "done/1"]);
    expect(amoIds.map((id) => statusOf.get(id))).toEqual(["done/1", "rejected/1", "done/1"]);
    const stored = await testDb.db.select({ id: orders.externalId }).from(orders).where(eq(orders.sourceId, s.shop.id)).orderBy(asc(orders.externalId));
    expect(stored.map((o) => o.id)).toEqual(["P-1", "P-2", "P-4", "P-5"]);
    // The customer counts the four applied orders: 4 × 100 = 400.
    const [buyer] = await testDb.db.select().from(customers).where(and(eq(customers.orgId, s.shop.orgId), eq(customers.phone, "+77015550000")));
    expect(buyer).toMatchObject({ completedOrderCount: 4, totalSpent: "400.00" });
    const dealIds = await testDb.db.select({ id: deals.externalId }).from(deals).where(eq(deals.sourceId, s.amo.id)).orderBy(asc(deals.externalId));
    expect(dealIds.map((d) => d.id)).toEqual(["901", "902"]);
  });
});

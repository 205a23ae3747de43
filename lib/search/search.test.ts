// The header search on a real database: Russian word forms, every spelling of a phone, e-mails,
// and the viewer's scope for each kind of row.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companies, contacts, customers, deals, leads } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { scopeOf, type Scope } from "@/lib/auth/scope";
import { search, type SearchKind } from "./search";

let testDb: TestDb;
let f: OrgFixture;
const id: Record<string, string> = {};
const scope: Record<"admin" | "director" | "alice" | "bob" | "carol", Scope> = {} as never;

async function titledDeal(manager: "alice" | "bob" | "carol", title: string, extra: Partial<typeof deals.$inferInsert> = {}) {
  const deal = await f.addDeal({ manager, stage: "NEW", amount: "1000", createdAt: "2026-03-01T10:00:00Z" });
  await testDb.db.update(deals).set({ title, ...extra }).where(eq(deals.id, deal.id));
  return deal.id;
}

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  const { db } = testDb;
  const org = { orgId: f.org.id, sourceId: f.source.id };
  const [romashka] = await db.insert(companies).values({ ...org, externalId: "CO1", name: "ТОО «Ромашка»", phone: "+7 (727) 250-00-00", email: "Info@Romashka.kz" }).returning();
  const [petrov] = await db
    .insert(contacts)
    .values({ ...org, externalId: "C1", name: "Иван Петров", phone: "+77011234567", email: "i.petrov@mail.ru", companyId: romashka.id, crmUserId: f.crmUsers.alice.id })
    .returning();
  const [lead] = await db.insert(leads).values({ ...org, externalId: "L1", title: "Заявка с сайта", crmUserId: f.crmUsers.alice.id, createdAt: new Date("2026-02-28T10:00:00Z") }).returning();
  id.alice = await titledDeal("alice", "Сделка с ТОО Ромашка", { contactId: petrov.id, companyId: romashka.id, leadId: lead.id });
  id.shipping = await titledDeal("alice", "Shipping contract");
  id.bob = await titledDeal("bob", "Сделка Бориса");
  id.carol = await titledDeal("carol", "Сделка онлайн-школы");
  id.gone = await titledDeal("alice", "Удалённая сделка", { deletedAt: new Date("2026-03-02T00:00:00Z") });
  const [customer] = await db.insert(customers).values({ orgId: f.org.id, name: "Айгуль Серикбаева", phone: "+77051112233", email: "aigul@inbox.kz" }).returning();
  Object.assign(id, { romashka: romashka.id, petrov: petrov.id, lead: lead.id, customer: customer.id });
  for (const who of ["admin", "director", "alice", "bob", "carol"] as const) scope[who] = scopeOf({ ...f.users[who], userId: f.users[who].id, orgId: f.org.id });
});
afterAll(() => testDb.close());

const kz = { country: "KZ", canSeeCustomers: false };
const admin = { country: "KZ", canSeeCustomers: true };

/** The titles found of one kind. */
async function found(who: keyof typeof scope, query: string, kind: SearchKind, options = who === "admin" ? admin : kz) {
  const result = await search(testDb.db, scope[who], query, options);
  return result.groups.find((group) => group.kind === kind)?.hits.map((hit) => hit.title) ?? [];
}

describe("search", () => {
  it("finds «Сделка …» by another form of the word, «сделки», and an English title by «shipped»", async () => {
    expect(await found("admin", "сделки", "deals")).toEqual(expect.arrayContaining(["Сделка с ТОО Ромашка", "Сделка Бориса", "Сделка онлайн-школы"]));
    expect(await found("admin", "сделки", "deals")).toHaveLength(3); // the deleted «Удалённая сделка» is gone
    expect(await found("admin", "shipped contracts", "deals")).toEqual(["Shipping contract"]);
    // as typed: the first letters of a word already find it
    expect(await found("admin", "ромаш", "deals")).toEqual(["Сделка с ТОО Ромашка"]);
  });

  it("gives a manager only their own deals, a director the department's, an admin all", async () => {
    expect(await found("alice", "сделка", "deals")).toEqual(["Сделка с ТОО Ромашка"]);
    expect(await found("bob", "сделка", "deals")).toEqual(["Сделка Бориса"]);
    // alice and bob work in Sales, carol in Online
    expect((await found("director", "сделка", "deals")).sort()).toEqual(["Сделка Бориса", "Сделка с ТОО Ромашка"]);
    expect(await found("carol", "ромашка", "deals")).toEqual([]);
  });

  it("finds the contact by each spelling of +7 701 123 45 67, opening the contact's deal", async () => {
    for (const spelling of ["+7 701 123-45-67", "87011234567", "7011234567", "+77011234567", "8 701 123"]) {
      const result = await search(testDb.db, scope.alice, spelling, kz);
      const hits = result.groups.find((group) => group.kind === "contacts")?.hits ?? [];
      expect(hits.map((hit) => [hit.title, hit.phone, hit.href]), spelling).toEqual([["Иван Петров", "+77011234567", `/deals/${id.alice}`]]);
    }
    // bob may not see alice's client
    expect(await found("bob", "87011234567", "contacts")).toEqual([]);
  });

  it("finds contacts and companies by an e-mail's first letters in any case, and by name", async () => {
    expect(await found("alice", "I.Petrov@", "contacts")).toEqual(["Иван Петров"]);
    expect(await found("alice", "петров", "contacts")).toEqual(["Иван Петров"]);
    // A limit, documented: the stemmer cuts «Петров» to «петр» but «Петрова» to «петров», so a declined surname misses.
    expect(await found("alice", "ивана петрова", "contacts")).toEqual([]);
    expect(await found("alice", "info@romashka", "companies")).toEqual(["ТОО «Ромашка»"]);
    // a company's phone as the CRM wrote it, "+7 (727) 250-00-00", by its digits
    expect(await found("admin", "8 727 250 00 00", "companies")).toEqual(["ТОО «Ромашка»"]);
  });

  it("shows a director or a manager a company only through a deal in their scope", async () => {
    expect(await found("alice", "ромашка", "companies")).toEqual(["ТОО «Ромашка»"]);
    expect(await found("director", "ромашка", "companies")).toEqual(["ТОО «Ромашка»"]);
    expect(await found("carol", "ромашка", "companies")).toEqual([]);
  });

  it("finds a lead by «заявки», opening the deal it became", async () => {
    const result = await search(testDb.db, scope.alice, "заявки", kz);
    expect(result.groups).toEqual([{ kind: "leads", hits: [{ id: id.lead, title: "Заявка с сайта", status: "open", manager: "alice", href: `/deals/${id.alice}` }] }]);
    expect(await found("carol", "заявки", "leads")).toEqual([]);
  });

  it("finds customers for those who may see them, by phone or name", async () => {
    expect(await found("admin", "8 705 111 22 33", "customers")).toEqual(["Айгуль Серикбаева"]);
    expect(await found("admin", "айгуль", "customers")).toEqual(["Айгуль Серикбаева"]);
    const result = await search(testDb.db, scope.admin, "айгуль", admin);
    expect(result.groups[0].hits[0].href).toBe(`/customers?customer=${id.customer}`);
    expect(await found("alice", "айгуль", "customers")).toEqual([]);
  });

  it("answers no groups when nothing matches", async () => {
    expect((await search(testDb.db, scope.admin, "несуществующее", admin)).groups).toEqual([]);
  });
});

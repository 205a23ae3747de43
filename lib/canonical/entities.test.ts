import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activities, contacts, crmDepartments, crmUsers, leads, stages } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { applyActivities, applyCompanies, applyContacts, applyCrmUsers, applyDeals, applyDepartments, applyLeads, applyPipelines, applyStages } from "./index";

let testDb: TestDb;
let f: OrgFixture;
const source = () => ({ id: f.source.id, orgId: f.org.id });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db); // country KZ by default
});
afterAll(() => testDb.close());

describe("directory", () => {
  it("upserts departments and CRM users, keeps the admin's link to a Voronka user, and a replay changes nothing", async () => {
    expect(await applyDepartments(testDb.db, source(), [{ externalId: "10", name: "Отдел продаж" }])).toMatchObject({ inserted: 1 });
    const users = [
      { externalId: "1", name: "Alice Renamed", email: "ALICE@Example.com", isActive: true, departmentExternalId: "10" },
      { externalId: "77", name: "Новый Менеджер", isActive: false },
    ];
    expect(await applyCrmUsers(testDb.db, source(), users)).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    expect(await applyCrmUsers(testDb.db, source(), users)).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const [alice] = await testDb.db.select().from(crmUsers).where(eq(crmUsers.id, f.crmUsers.alice.id));
    const [department] = await testDb.db.select().from(crmDepartments).where(eq(crmDepartments.sourceId, f.source.id));
    expect(alice).toMatchObject({ name: "Alice Renamed", email: "alice@example.com", userId: f.users.alice.id, crmDepartmentId: department.id });
  });

  it("upserts pipelines and stages with order and semantic; the same external stage id lives in two pipelines", async () => {
    await applyPipelines(testDb.db, source(), [
      { externalId: "0", name: "Общая", sort: 1 },
      { externalId: "5", name: "Флагман", sort: 2 },
    ]);
    const result = await applyStages(testDb.db, source(), [
      { pipelineExternalId: "0", externalId: "WON", name: "Сделка успешна", sort: 60, semantic: "won" },
      { pipelineExternalId: "5", externalId: "142", name: "Успешно", sort: 10000, semantic: "won" },
      { pipelineExternalId: "5", externalId: "143", name: "Закрыто", sort: 11000, semantic: "lost" },
      { pipelineExternalId: "no-such-pipeline", externalId: "X", name: "X", sort: 1, semantic: "open" },
    ]);
    // WON existed in the fixture (renamed: updated), 142 and 143 are new, the orphan is skipped.
    expect(result).toMatchObject({ inserted: 2, updated: 1, skipped: 1 });
    const [won] = await testDb.db.select().from(stages).where(eq(stages.id, f.stages.WON.id));
    expect(won).toMatchObject({ name: "Сделка успешна", sort: 60, semantic: "won" });
  });
});

describe("parties, leads and activities", () => {
  it("normalises phones to E.164 with the organisation's country and lower-cases e-mails", async () => {
    await applyCompanies(testDb.db, source(), [{ externalId: "C1", name: "ТОО Ромашка", updatedAt: new Date("2025-01-01T00:00:00Z") }]);
    await applyContacts(testDb.db, source(), [
      { externalId: "P1", name: "Айгуль", phone: "8 (701) 123-45-67", email: " Aigul@Mail.KZ ", companyExternalId: "C1", crmUserExternalId: "2", updatedAt: new Date("2025-01-01T00:00:00Z") },
    ]);
    const [row] = await testDb.db.select().from(contacts).where(and(eq(contacts.sourceId, f.source.id), eq(contacts.externalId, "P1")));
    expect(row).toMatchObject({ phone: "+77011234567", email: "aigul@mail.kz", crmUserId: f.crmUsers.bob.id });
    expect(row.companyId).not.toBeNull();
  });

  it("upserts leads with status, channel and UTM tags; newest wins", async () => {
    const lead = {
      externalId: "L1", title: "Заявка", statusExternalId: "NEW", statusSemantic: "open" as const, channel: "Сайт",
      utmSource: "yandex", utmCampaign: "spring", crmUserExternalId: "3", contactExternalId: "P1",
      createdAt: new Date("2025-02-01T10:00:00Z"), updatedAt: new Date("2025-02-02T10:00:00Z"),
    };
    expect(await applyLeads(testDb.db, source(), [lead])).toMatchObject({ inserted: 1 });
    const converted = { ...lead, statusExternalId: "CONVERTED", statusSemantic: "converted" as const, convertedAt: new Date("2025-02-03T10:00:00Z"), updatedAt: new Date("2025-02-03T10:00:00Z") };
    const stale = { ...lead, title: "старое", updatedAt: new Date("2025-02-01T11:00:00Z") };
    expect(await applyLeads(testDb.db, source(), [converted])).toMatchObject({ updated: 1 });
    expect(await applyLeads(testDb.db, source(), [stale])).toMatchObject({ updated: 0, unchanged: 1 });
    const [row] = await testDb.db.select().from(leads).where(and(eq(leads.sourceId, f.source.id), eq(leads.externalId, "L1")));
    expect(row).toMatchObject({ title: "Заявка", statusSemantic: "converted", channel: "Сайт", utmSource: "yandex", utmCampaign: "spring", crmUserId: f.crmUsers.carol.id });
  });

  it("upserts activities linked to their deal and manager, with call duration", async () => {
    await applyDeals(testDb.db, source(), [
      { externalId: "DL1", title: "Deal", pipelineExternalId: "0", stageExternalId: "NEW", amount: "1", currency: "KZT", createdAt: new Date("2025-02-01T00:00:00Z") },
    ]);
    const call = {
      externalId: "A1", type: "call" as const, direction: "out" as const, isCompleted: true, crmUserExternalId: "1", dealExternalId: "DL1",
      startAt: new Date("2025-02-05T09:00:00Z"), durationSeconds: 185, updatedAt: new Date("2025-02-05T09:05:00Z"),
    };
    expect(await applyActivities(testDb.db, source(), [call, { ...call, externalId: "A2", type: "task", direction: null, isCompleted: false, durationSeconds: null }])).toMatchObject({ inserted: 2 });
    expect(await applyActivities(testDb.db, source(), [call])).toMatchObject({ unchanged: 1 });
    const [row] = await testDb.db.select().from(activities).where(and(eq(activities.sourceId, f.source.id), eq(activities.externalId, "A1")));
    expect(row).toMatchObject({ type: "call", direction: "out", durationSeconds: 185, crmUserId: f.crmUsers.alice.id });
    expect(row.dealId).not.toBeNull();
  });
});

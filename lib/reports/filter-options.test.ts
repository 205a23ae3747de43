import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { crmUsers, pipelines, sources } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { getFilterOptions } from "./filter-options";

let testDb: TestDb;
let f: OrgFixture;
let other: OrgFixture;

const viewerOf = (fixture: OrgFixture, who: "admin" | "director" | "alice") => {
  const user = fixture.users[who];
  return { orgId: fixture.org.id, role: user.role, departmentId: user.departmentId };
};
const names = (options: { name: string }[]) => options.map((option) => option.name);

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
  other = await createOrgFixture(testDb.db);
  // A deleted pipeline is no longer offered.
  await testDb.db.insert(pipelines).values({ orgId: f.org.id, sourceId: f.source.id, externalId: "9", name: "Old", isDeleted: true });
});

describe("getFilterOptions with a second CRM", () => {
  it("offers a person with an account in both CRMs once (their Voronka user), and names the CRM beside a pipeline name used twice", async () => {
    const g = await createOrgFixture(testDb.db);
    const [amo] = await testDb.db.insert(sources).values({ orgId: g.org.id, kind: "amocrm", name: "Amo", webhookSecret: randomUUID() }).returning();
    await testDb.db.insert(crmUsers).values({ orgId: g.org.id, sourceId: amo.id, externalId: "7", name: "alice", userId: g.users.alice.id });
    const [general2] = await testDb.db.insert(pipelines).values({ orgId: g.org.id, sourceId: amo.id, externalId: "1", name: "General" }).returning();
    const options = await getFilterOptions(testDb.db, viewerOf(g, "director"));
    // alice has a Portal and an Amo account: one option, the person
    expect(options.managers).toEqual([
      { id: g.users.alice.id, name: "alice" },
      { id: g.users.bob.id, name: "bob" },
    ]);
    expect(options.pipelines).toEqual([
      { id: general2.id, name: "General · Amo" },
      { id: g.pipeline.id, name: "General · Portal" },
    ]);
    expect(names(options.sources)).toEqual(["Amo", "Portal"]);
  });
});

afterAll(async () => {
  await testDb?.close();
});

describe("getFilterOptions", () => {
  it("gives an admin every department, manager, pipeline and source of their organisation only", async () => {
    const options = await getFilterOptions(testDb.db, viewerOf(f, "admin"));
    expect(names(options.departments)).toEqual(["Online", "Sales"]);
    expect(names(options.managers)).toEqual(["alice", "bob", "carol"]);
    // each CRM user is linked to a Voronka user: the options are the people
    expect(options.managers.map((m) => m.id)).toEqual([f.users.alice.id, f.users.bob.id, f.users.carol.id]);
    expect(options.pipelines).toEqual([{ id: f.pipeline.id, name: "General" }]);
    expect(options.sources).toEqual([{ id: f.source.id, name: "Portal" }]);
    const ids = [...options.departments, ...options.managers, ...options.pipelines, ...options.sources].map((o) => o.id);
    const foreign = [other.departments.sales.id, other.users.alice.id, other.pipeline.id, other.source.id];
    expect(ids.filter((id) => foreign.includes(id))).toEqual([]);
  });

  it("gives a director the managers of their department (Sales: alice and bob, not carol of Online) and no departments", async () => {
    const options = await getFilterOptions(testDb.db, viewerOf(f, "director"));
    expect(names(options.managers)).toEqual(["alice", "bob"]);
    expect(options.departments).toEqual([]);
    expect(options.pipelines).toHaveLength(1);
    expect(options.sources).toHaveLength(1);
  });

  it("gives a director without a department no managers", async () => {
    const options = await getFilterOptions(testDb.db, { ...viewerOf(f, "director"), departmentId: null });
    expect(options.managers).toEqual([]);
  });

  it("gives a manager no manager or department choice, but pipelines and sources", async () => {
    const options = await getFilterOptions(testDb.db, viewerOf(f, "alice"));
    expect(options.managers).toEqual([]);
    expect(options.departments).toEqual([]);
    expect(names(options.pipelines)).toEqual(["General"]);
    expect(names(options.sources)).toEqual(["Portal"]);
  });
});

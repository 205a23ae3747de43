// A lead's status history from the CRM: stored per lead, idempotent, and the moment it first entered
// a converted status is its conversion moment in the lead facts (days to convert).
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadStatusChanges, leads, reportLeadFacts } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { applyLeadStatusChanges, applyLeads } from "./index";
import type { CanonicalLeadStatusChange } from "./types";

let testDb: TestDb;
let f: OrgFixture;
const source = () => ({ id: f.source.id, orgId: f.org.id });

beforeAll(async () => {
  testDb = await createTestDb();
  f = await createOrgFixture(testDb.db);
});
afterAll(() => testDb.close());

const change = (externalId: string, to: string, semantic: CanonicalLeadStatusChange["semantic"], at: string, from: string | null = null, lead = "L1"): CanonicalLeadStatusChange => ({
  externalId, leadExternalId: lead, fromStatusExternalId: from, toStatusExternalId: to, semantic, changedAt: new Date(at),
});

async function daysToConvert(externalId: string) {
  const [fact] = await testDb.db
    .select({ converted: reportLeadFacts.converted, days: reportLeadFacts.daysToConvert })
    .from(reportLeadFacts)
    .innerJoin(leads, eq(leads.id, reportLeadFacts.leadId))
    .where(and(eq(leads.sourceId, f.source.id), eq(leads.externalId, externalId)));
  return fact;
}

describe("lead status history", () => {
  it("is stored per lead, and its first move into a converted status dates the conversion", async () => {
    // The CRM says converted, closed on 10 March (its DATE_CLOSED moved when the lead was edited later).
    await applyLeads(testDb.db, source(), [
      { externalId: "L1", title: "Lead", statusExternalId: "CONVERTED", statusSemantic: "converted", createdAt: new Date("2025-03-01T10:00:00Z"), convertedAt: new Date("2025-03-10T10:00:00Z") },
    ]);
    // Without history: 1 → 10 March = 9 days.
    expect(await daysToConvert("L1")).toEqual({ converted: 1, days: 9 });

    const history = [
      change("101", "NEW", "open", "2025-03-01T10:00:00Z"),
      change("102", "IN_PROCESS", "open", "2025-03-02T10:00:00Z", "NEW"),
      change("103", "CONVERTED", "converted", "2025-03-04T22:00:00Z", "IN_PROCESS"),
      change("104", "NEW", "open", "2025-03-05T10:00:00Z", "NEW", "L-unknown"),
    ];
    const result = await applyLeadStatusChanges(testDb.db, source(), history);
    expect(result).toMatchObject({ inserted: 3, updated: 0, skipped: 1 });
    const [lead] = await testDb.db.select({ id: leads.id }).from(leads).where(and(eq(leads.sourceId, f.source.id), eq(leads.externalId, "L1")));
    const stored = await testDb.db
      .select({ externalId: leadStatusChanges.externalId, leadId: leadStatusChanges.leadId, from: leadStatusChanges.fromStatusExternalId, to: leadStatusChanges.toStatusExternalId, semantic: leadStatusChanges.semantic })
      .from(leadStatusChanges)
      .where(eq(leadStatusChanges.sourceId, f.source.id))
      .orderBy(asc(leadStatusChanges.changedAt));
    expect(stored).toEqual([
      { externalId: "101", leadId: lead.id, from: null, to: "NEW", semantic: "open" },
      { externalId: "102", leadId: lead.id, from: "NEW", to: "IN_PROCESS", semantic: "open" },
      { externalId: "103", leadId: lead.id, from: "IN_PROCESS", to: "CONVERTED", semantic: "converted" },
    ]);
    // With history: 1 March 10:00 → 4 March 22:00 = 3.5 days.
    expect(await daysToConvert("L1")).toEqual({ converted: 1, days: 3.5 });
  });

  it("changes nothing when the same history comes again", async () => {
    const again = await applyLeadStatusChanges(testDb.db, source(), [change("103", "CONVERTED", "converted", "2025-03-04T22:00:00Z", "IN_PROCESS")]);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await daysToConvert("L1")).toEqual({ converted: 1, days: 3.5 });
  });
});

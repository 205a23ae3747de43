// Test helpers for the deal card and deal patterns: a deal's stage moves, its activities, its
// contact and company. They add rows to an organisation from fixtures.ts and refresh its facts, as
// the canonical writers do.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { activities, companies, contacts, deals, stageChanges } from "../schema";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import type { Db } from "../types";
import type { OrgFixture } from "./fixtures";
import type { CanonicalDeal } from "@/lib/canonical/types";

type StageName = keyof OrgFixture["stages"];

/** The deal's moves as [stage, ISO instant] in order: the first is its entry at creation (no from stage). */
export async function addStageMoves(db: Db, f: OrgFixture, dealId: string, moves: [StageName, string][]) {
  let from: string | null = null;
  for (const [stage, at] of moves) {
    const to = f.stages[stage].id;
    await db.insert(stageChanges).values({ orgId: f.org.id, sourceId: f.source.id, externalId: `SC-${randomUUID()}`, dealId, fromStageId: from, toStageId: to, changedAt: new Date(at) });
    from = to;
  }
  await refreshReportFacts(db, f.org.id, { dealIds: [dealId] });
}

export async function addDealActivity(
  db: Db,
  f: OrgFixture,
  dealId: string,
  input: { type: "call" | "email" | "meeting" | "task"; startAt: string; isCompleted?: boolean; durationSeconds?: number; subject?: string; deletedAt?: string },
) {
  const [deal] = await db.select({ crmUserId: deals.crmUserId }).from(deals).where(eq(deals.id, dealId));
  const [row] = await db
    .insert(activities)
    .values({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: `A-${randomUUID()}`,
      type: input.type,
      subject: input.subject ?? null,
      isCompleted: input.isCompleted ?? true,
      crmUserId: deal.crmUserId,
      dealId,
      startAt: new Date(input.startAt),
      durationSeconds: input.durationSeconds ?? null,
      deletedAt: input.deletedAt ? new Date(input.deletedAt) : null,
    })
    .returning();
  await refreshReportFacts(db, f.org.id, { activityIds: [row.id] });
  return row;
}

/** A contact working for a company, set as the deal's contact. */
export async function addDealContact(db: Db, f: OrgFixture, dealId: string, input: { name: string; phone?: string; email?: string; company?: string }) {
  const [company] = input.company
    ? await db.insert(companies).values({ orgId: f.org.id, sourceId: f.source.id, externalId: `CO-${randomUUID()}`, name: input.company }).returning()
    : [null];
  const [contact] = await db
    .insert(contacts)
    .values({ orgId: f.org.id, sourceId: f.source.id, externalId: `C-${randomUUID()}`, name: input.name, phone: input.phone ?? null, email: input.email ?? null, companyId: company?.id ?? null })
    .returning();
  await db.update(deals).set({ contactId: contact.id }).where(eq(deals.id, dealId));
  return { contact, company };
}

/** A CRM deal as a connector hands it to applyDeals: open, in the fixture's pipeline "0", in ₸, Alice's (CRM user "1"). */
export function canonicalDeal(externalId: string, fields: Partial<CanonicalDeal> & { updatedAt: Date }): CanonicalDeal {
  return {
    externalId,
    title: `Deal ${externalId}`,
    pipelineExternalId: "0",
    stageExternalId: "NEW",
    amount: "1000",
    currency: "KZT",
    crmUserExternalId: "1",
    createdAt: new Date("2025-03-01T10:00:00Z"),
    ...fields,
  };
}

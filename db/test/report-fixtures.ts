// Extra rows for report tests, on top of createOrgFixture: stage changes, a second pipeline and
// its deals, leads converted by status or by a deal pointing back to them.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { deals, leads, pipelines, stageChanges, stages } from "../schema";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import type { Db } from "../types";
import type { OrgFixture } from "./fixtures";

type Manager = keyof OrgFixture["crmUsers"];

/** Records that a deal entered `toStageId` at `at`. */
export async function addStageChange(db: Db, f: OrgFixture, input: { dealId: string; toStageId: string; fromStageId?: string; at: string }) {
  await db.insert(stageChanges).values({
    orgId: f.org.id,
    sourceId: f.source.id,
    externalId: randomUUID(),
    dealId: input.dealId,
    fromStageId: input.fromStageId ?? null,
    toStageId: input.toStageId,
    changedAt: new Date(input.at),
  });
  await refreshReportFacts(db, f.org.id, { dealIds: [input.dealId] });
}

/** Another pipeline of the fixture's source, with stages [name, semantic] in this order. */
export async function addPipeline(db: Db, f: OrgFixture, name: string, stageList: [string, "open" | "won" | "lost"][], sort = 1) {
  const [pipeline] = await db.insert(pipelines).values({ orgId: f.org.id, sourceId: f.source.id, externalId: randomUUID(), name, sort }).returning();
  const rows = await db
    .insert(stages)
    .values(stageList.map(([stageName, semantic], index) => ({ orgId: f.org.id, sourceId: f.source.id, pipelineId: pipeline.id, externalId: stageName, name: stageName, sort: index, semantic })))
    .returning();
  return { pipeline, stages: Object.fromEntries(rows.map((stage) => [stage.name, stage])) };
}

/** A deal in any pipeline and stage (createOrgFixture's addDeal only knows the first pipeline). */
export async function addDealIn(
  db: Db,
  f: OrgFixture,
  input: { pipelineId: string; stageId: string; manager: Manager | null; amount: string; currency?: string; createdAt: string; closedAt?: string },
) {
  const [deal] = await db
    .insert(deals)
    .values({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: randomUUID(),
      title: "Deal",
      pipelineId: input.pipelineId,
      stageId: input.stageId,
      amount: input.amount,
      currency: input.currency ?? f.org.baseCurrency,
      crmUserId: input.manager ? f.crmUsers[input.manager].id : null,
      createdAt: new Date(input.createdAt),
      closedAt: input.closedAt ? new Date(input.closedAt) : null,
    })
    .returning();
  await refreshReportFacts(db, f.org.id, { dealIds: [deal.id] });
  return deal;
}

/** Marks a lead converted by the CRM's status (Bitrix24 STATUS_ID = CONVERTED). */
export async function markLeadConverted(db: Db, leadId: string) {
  const [lead] = await db.update(leads).set({ statusSemantic: "converted" }).where(eq(leads.id, leadId)).returning({ orgId: leads.orgId });
  await refreshReportFacts(db, lead.orgId, { leadIds: [leadId] });
}

/** Points a deal back to the lead it came from. */
export async function linkDealToLead(db: Db, dealId: string, leadId: string) {
  const [deal] = await db.update(deals).set({ leadId }).where(eq(deals.id, dealId)).returning({ orgId: deals.orgId });
  await refreshReportFacts(db, deal.orgId, { dealIds: [dealId] });
}

// Test helpers for the activity and lead reports: activities, leads with a channel, UTM tags and a
// conversion, and deals that point back to a lead. They add rows to an organisation from fixtures.ts.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { activities, deals, leads } from "../schema";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import type { Db } from "../types";
import type { OrgFixture } from "./fixtures";

type Manager = keyof OrgFixture["crmUsers"] | null;

const managerId = (f: OrgFixture, manager: Manager) => (manager ? f.crmUsers[manager].id : null);
const at = (value: string | undefined) => (value ? new Date(value) : null);

export async function addActivity(
  db: Db,
  f: OrgFixture,
  input: {
    manager: Manager;
    type: "call" | "email" | "meeting" | "task";
    startAt: string;
    isCompleted?: boolean;
    durationSeconds?: number;
    deletedAt?: string;
  },
) {
  const [row] = await db
    .insert(activities)
    .values({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: `A-${randomUUID()}`,
      type: input.type,
      isCompleted: input.isCompleted ?? true,
      crmUserId: managerId(f, input.manager),
      startAt: new Date(input.startAt),
      durationSeconds: input.durationSeconds ?? null,
      deletedAt: at(input.deletedAt),
    })
    .returning();
  await refreshReportFacts(db, f.org.id, { activityIds: [row.id] });
  return row;
}

export async function addSourcedLead(
  db: Db,
  f: OrgFixture,
  input: {
    manager: Manager;
    createdAt: string;
    channel?: string | null;
    utmSource?: string | null;
    status?: "open" | "converted" | "junk";
    convertedAt?: string;
    deletedAt?: string;
  },
) {
  const [row] = await db
    .insert(leads)
    .values({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: `L-${randomUUID()}`,
      title: "Lead",
      statusSemantic: input.status ?? "open",
      channel: input.channel ?? null,
      utmSource: input.utmSource ?? null,
      crmUserId: managerId(f, input.manager),
      createdAt: new Date(input.createdAt),
      convertedAt: at(input.convertedAt),
      deletedAt: at(input.deletedAt),
    })
    .returning();
  await refreshReportFacts(db, f.org.id, { leadIds: [row.id] });
  return row;
}

/** A deal created from a lead: the lead counts as converted at the deal's creation, unless deleted. */
export async function addDealFromLead(db: Db, f: OrgFixture, lead: { id: string }, input: Parameters<OrgFixture["addDeal"]>[0]) {
  const deal = await f.addDeal(input);
  await db.update(deals).set({ leadId: lead.id }).where(eq(deals.id, deal.id));
  await refreshReportFacts(db, f.org.id, { dealIds: [deal.id] });
  return { ...deal, leadId: lead.id };
}

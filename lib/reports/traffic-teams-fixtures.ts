// Test helpers for the traffic dashboard: teams, leads and deals stamped with a team and UTM tags (as
// attribution stamps them on arrival), and ad spend — added to an organisation from db/test/fixtures.ts.
import { randomUUID } from "node:crypto";
import { adSpend, deals, leads, trafficTeams } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import type { Db } from "@/db/types";
import { refreshReportFacts } from "./facts/refresh";

type Manager = keyof OrgFixture["crmUsers"] | null;
type Tagged = { team: { id: string } | null; manager: Manager; utmSource?: string | null; utmCampaign?: string | null };

const managerId = (f: OrgFixture, manager: Manager) => (manager ? f.crmUsers[manager].id : null);
const attribution = (input: Tagged) => ({
  trafficTeamId: input.team?.id ?? null,
  attributionConfidence: input.team ? ("medium" as const) : ("low" as const),
  utmSource: input.utmSource ?? null,
  utmCampaign: input.utmCampaign ?? null,
});

export async function addTeam(db: Db, f: OrgFixture, name: string, isActive = true) {
  const [team] = await db.insert(trafficTeams).values({ orgId: f.org.id, name, isActive }).returning();
  return team;
}

export async function addTeamLead(db: Db, f: OrgFixture, input: Tagged & { createdAt: string; deletedAt?: string }) {
  const [lead] = await db
    .insert(leads)
    .values({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: `TL-${randomUUID()}`,
      title: "Lead",
      crmUserId: managerId(f, input.manager),
      createdAt: new Date(input.createdAt),
      deletedAt: input.deletedAt ? new Date(input.deletedAt) : null,
      ...attribution(input),
    })
    .returning();
  await refreshReportFacts(db, f.org.id, { leadIds: [lead.id] });
  return lead;
}

export async function addTeamDeal(
  db: Db,
  f: OrgFixture,
  input: Tagged & { stage: keyof OrgFixture["stages"]; amount: string; currency?: string; createdAt: string; closedAt?: string },
) {
  const [deal] = await db
    .insert(deals)
    .values({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: `TD-${randomUUID()}`,
      title: "Deal",
      pipelineId: f.pipeline.id,
      stageId: f.stages[input.stage].id,
      amount: input.amount,
      currency: input.currency ?? f.org.baseCurrency,
      crmUserId: managerId(f, input.manager),
      createdAt: new Date(input.createdAt),
      closedAt: input.closedAt ? new Date(input.closedAt) : null,
      ...attribution(input),
    })
    .returning();
  await refreshReportFacts(db, f.org.id, { dealIds: [deal.id] });
  return deal;
}

export async function addSpend(db: Db, f: OrgFixture, input: { team: { id: string }; day: string; amount: string; currency?: string; utmSource?: string; utmCampaign?: string }) {
  await db.insert(adSpend).values({
    orgId: f.org.id,
    teamId: input.team.id,
    day: input.day,
    amount: input.amount,
    currency: input.currency ?? f.org.baseCurrency,
    utmSource: input.utmSource ?? "",
    utmCampaign: input.utmCampaign ?? "",
  });
}

/**
 * The traffic dashboard's dataset, March 2025 in Almaty (UTC+5), ₸. USD is 500 ₸ from 1 March and 520 ₸ from 10 March.
 *   Alpha: leads alice ×2 (fb_alpha / spring; one at 1 March 00:30 local), bob (FB_Alpha / summer), carol (ig_alpha);
 *          won alice 100 000 ₸ (fb_alpha / spring) and carol 200 $ closed 12 March = 104 000 ₸ (ig_alpha);
 *          spend 5 March 60 000 ₸ (fb_alpha / spring) + 10 March 100 $ at 520 = 52 000 ₸ (fb_alpha / summer) = 112 000 ₸.
 *          Outside March: a lead and 10 000 ₸ of spend on 10 February, a won deal closed in April, 99 999 ₸ on 1 April;
 *          never: a lost and an open deal, a deleted lead.
 *   Beta: leads alice and carol (tt_beta / webinar); spend 30 000 ₸ with no source; no sales.
 *   Gamma: inactive, nothing (not shown). Delta: 5 000 ₸ of spend, no leads. Epsilon: one lead of alice, no spend.
 *   Unattributed: leads bob (google) and one without a manager; won bob 46 000 ₸ (google).
 * Another organisation's team, lead and spend count nowhere.
 */
export async function createTrafficFixture(db: Db) {
  const f = await createOrgFixture(db);
  await f.addRate("USD", "2025-03-01", "500");
  await f.addRate("USD", "2025-03-10", "520");
  const team = {
    alpha: await addTeam(db, f, "Alpha"),
    beta: await addTeam(db, f, "Beta"),
    gamma: await addTeam(db, f, "Gamma", false),
    delta: await addTeam(db, f, "Delta"),
    epsilon: await addTeam(db, f, "Epsilon"),
  };
  const { alpha, beta, delta, epsilon } = team;

  const spring = { team: alpha, utmSource: "fb_alpha", utmCampaign: "spring" };
  await addTeamLead(db, f, { ...spring, manager: "alice", createdAt: "2025-02-28T19:30:00Z" });
  await addTeamLead(db, f, { ...spring, manager: "alice", createdAt: "2025-03-02T10:00:00Z" });
  await addTeamLead(db, f, { team: alpha, manager: "bob", utmSource: "FB_Alpha", utmCampaign: "summer", createdAt: "2025-03-03T10:00:00Z" });
  await addTeamLead(db, f, { team: alpha, manager: "carol", utmSource: "ig_alpha", createdAt: "2025-03-04T10:00:00Z" });
  await addTeamLead(db, f, { ...spring, manager: "alice", createdAt: "2025-02-10T10:00:00Z" });
  await addTeamLead(db, f, { ...spring, manager: "alice", createdAt: "2025-03-05T10:00:00Z", deletedAt: "2025-03-06T10:00:00Z" });
  await addTeamDeal(db, f, { ...spring, manager: "alice", stage: "WON", amount: "100000", createdAt: "2025-02-20T10:00:00Z", closedAt: "2025-03-09T10:00:00Z" });
  await addTeamDeal(db, f, { team: alpha, manager: "carol", utmSource: "ig_alpha", stage: "WON", amount: "200", currency: "USD", createdAt: "2025-03-04T10:00:00Z", closedAt: "2025-03-12T10:00:00Z" });
  await addTeamDeal(db, f, { ...spring, manager: "alice", stage: "WON", amount: "70000", createdAt: "2025-03-20T10:00:00Z", closedAt: "2025-04-02T10:00:00Z" });
  await addTeamDeal(db, f, { ...spring, manager: "bob", stage: "LOSE", amount: "50000", createdAt: "2025-03-03T10:00:00Z", closedAt: "2025-03-10T10:00:00Z" });
  await addTeamDeal(db, f, { ...spring, manager: "bob", stage: "NEW", amount: "80000", createdAt: "2025-03-03T10:00:00Z" });
  await addSpend(db, f, { team: alpha, day: "2025-03-05", amount: "60000", utmSource: "fb_alpha", utmCampaign: "spring" });
  await addSpend(db, f, { team: alpha, day: "2025-03-10", amount: "100", currency: "USD", utmSource: "fb_alpha", utmCampaign: "summer" });
  await addSpend(db, f, { team: alpha, day: "2025-02-10", amount: "10000", utmSource: "fb_alpha", utmCampaign: "spring" });
  await addSpend(db, f, { team: alpha, day: "2025-04-01", amount: "99999" });

  await addTeamLead(db, f, { team: beta, manager: "alice", utmSource: "tt_beta", utmCampaign: "webinar", createdAt: "2025-03-03T10:00:00Z" });
  await addTeamLead(db, f, { team: beta, manager: "carol", utmSource: "tt_beta", utmCampaign: "webinar", createdAt: "2025-03-04T10:00:00Z" });
  await addSpend(db, f, { team: beta, day: "2025-03-15", amount: "30000" });
  await addSpend(db, f, { team: delta, day: "2025-03-20", amount: "5000" });
  await addTeamLead(db, f, { team: epsilon, manager: "alice", utmSource: "eps", createdAt: "2025-03-21T10:00:00Z" });

  await addTeamLead(db, f, { team: null, manager: "bob", utmSource: "google", createdAt: "2025-03-06T10:00:00Z" });
  await addTeamLead(db, f, { team: null, manager: null, createdAt: "2025-03-07T10:00:00Z" });
  await addTeamDeal(db, f, { team: null, manager: "bob", utmSource: "google", stage: "WON", amount: "46000", createdAt: "2025-03-01T10:00:00Z", closedAt: "2025-03-08T10:00:00Z" });

  const other = await createOrgFixture(db);
  const stranger = await addTeam(db, other, "Alpha");
  await addTeamLead(db, other, { team: stranger, manager: "alice", createdAt: "2025-03-02T10:00:00Z" });
  await addSpend(db, other, { team: stranger, day: "2025-03-05", amount: "777777" });
  return { f, other, team };
}

export type TrafficFixture = Awaited<ReturnType<typeof createTrafficFixture>>;

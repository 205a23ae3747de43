// A small organisation built by hand for one test: two departments, a director, managers linked
// to CRM users, a Bitrix24-like pipeline. Every test makes its own, so tests never share rows.
import { randomUUID } from "node:crypto";
import { crmUsers, deals, departments, exchangeRates, leads, organisations, pipelines, sources, stages, users } from "../schema";
import { rebuildReportFacts, refreshReportFacts } from "@/lib/reports/facts/refresh";
import type { Db } from "../types";

// bcrypt of "correct-password" at cost 4: fast in tests, still verified by the real bcrypt code.
export const FIXTURE_PASSWORD = "correct-password";
const FIXTURE_HASH = "$2b$04$AH0nbWz2WU1ymO5LGYHwSOzda0gOfrhEe424lXXIH00w/c8MJEpA2";

export type OrgFixture = Awaited<ReturnType<typeof createOrgFixture>>;

/** `org`: fill an organisation made elsewhere (one created through hosted mode's sign-up) instead of a new one. */
export async function createOrgFixture(db: Db, options: { timezone?: string; baseCurrency?: string; org?: typeof organisations.$inferSelect } = {}) {
  const tag = randomUUID().slice(0, 8);
  const [org] = options.org
    ? [options.org]
    : await db
        .insert(organisations)
        .values({ name: `Test org ${tag}`, timezone: options.timezone ?? "Asia/Almaty", baseCurrency: options.baseCurrency ?? "KZT" })
        .returning();
  const [sales, online] = await db
    .insert(departments)
    .values([
      { orgId: org.id, name: "Sales" },
      { orgId: org.id, name: "Online" },
    ])
    .returning();
  const person = (name: string, role: "admin" | "director" | "manager", departmentId: string | null) => ({
    orgId: org.id,
    email: `${name}-${tag}@test.voronka`,
    name,
    role,
    departmentId,
    passwordHash: FIXTURE_HASH,
  });
  const [admin, director, alice, bob, carol] = await db
    .insert(users)
    .values([
      person("admin", "admin", null),
      person("director", "director", sales.id),
      person("alice", "manager", sales.id),
      person("bob", "manager", sales.id),
      person("carol", "manager", online.id),
    ])
    .returning();
  const [source] = await db
    .insert(sources)
    .values({ orgId: org.id, kind: "bitrix24", name: "Portal", webhookSecret: randomUUID() })
    .returning();
  const crm = await db
    .insert(crmUsers)
    .values(
      [alice, bob, carol].map((user, index) => ({ orgId: org.id, sourceId: source.id, externalId: String(index + 1), name: user.name, userId: user.id })),
    )
    .returning();
  const [pipeline] = await db.insert(pipelines).values({ orgId: org.id, sourceId: source.id, externalId: "0", name: "General" }).returning();
  const stageRows = await db
    .insert(stages)
    .values(
      (
        [
          ["NEW", "open"],
          ["EXECUTING", "open"],
          ["WON", "won"],
          ["LOSE", "lost"],
        ] as const
      ).map(([externalId, semantic], sort) => ({ orgId: org.id, sourceId: source.id, pipelineId: pipeline.id, externalId, name: externalId, sort, semantic })),
    )
    .returning();
  const stageBy = Object.fromEntries(stageRows.map((stage) => [stage.externalId, stage])) as Record<"NEW" | "EXECUTING" | "WON" | "LOSE", (typeof stageRows)[number]>;

  let counter = 0;
  const crmUserOf = { alice: crm[0], bob: crm[1], carol: crm[2] };
  return {
    org,
    departments: { sales, online },
    users: { admin, director, alice, bob, carol },
    crmUsers: crmUserOf,
    source,
    pipeline,
    stages: stageBy,
    async addDeal(input: { manager: keyof typeof crmUserOf | null; stage: keyof typeof stageBy; amount: string; currency?: string; createdAt: string; closedAt?: string; deletedAt?: string }) {
      const [deal] = await db
        .insert(deals)
        .values({
          orgId: org.id,
          sourceId: source.id,
          externalId: String(++counter),
          title: `Deal ${counter}`,
          pipelineId: pipeline.id,
          stageId: stageBy[input.stage].id,
          amount: input.amount,
          currency: input.currency ?? org.baseCurrency,
          crmUserId: input.manager ? crmUserOf[input.manager].id : null,
          createdAt: new Date(input.createdAt),
          closedAt: input.closedAt ? new Date(input.closedAt) : null,
          deletedAt: input.deletedAt ? new Date(input.deletedAt) : null,
        })
        .returning();
      await refreshReportFacts(db, org.id, { dealIds: [deal.id] });
      return deal;
    },
    async addLead(input: { manager: keyof typeof crmUserOf | null; createdAt: string }) {
      const [lead] = await db
        .insert(leads)
        .values({
          orgId: org.id,
          sourceId: source.id,
          externalId: `L${++counter}`,
          title: `Lead ${counter}`,
          crmUserId: input.manager ? crmUserOf[input.manager].id : null,
          createdAt: new Date(input.createdAt),
        })
        .returning();
      await refreshReportFacts(db, org.id, { leadIds: [lead.id] });
      return lead;
    },
    async addRate(currency: string, day: string, rate: string) {
      await db.insert(exchangeRates).values({ orgId: org.id, currency, day, rate });
      // A rate revalues the deals already there: the fixture is small, so rebuild it whole.
      await rebuildReportFacts(db, org.id);
    },
  };
}

// The demo organisation «Воронка Демо»: two years of CRM, shop and ad history ending at `now`,
// generated from a seeded PRNG and streamed into the database in chunks, all in one transaction.
import { trainWinModel } from "@/lib/predict/train";
import { scoreStaleDeals } from "@/lib/predict/scores";
import { queueAnomalyMails } from "@/lib/anomalies/mail";
import { scoreAllCustomers } from "@/lib/customers/churn/score";
import { detectOrgAnomalies } from "@/lib/anomalies/run";
import { notifyAnomalies } from "@/lib/anomalies/notify";
import { hashPassword } from "@/lib/auth/password";
import { loadOrgContext, recomputeCustomers } from "@/lib/customers/recompute";
import { rebuildReportFacts } from "@/lib/reports/facts/refresh";
import { sql } from "drizzle-orm";
import { selectRows } from "../migrate";
import * as schema from "../schema";
import type { Db } from "../types";
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoLogins } from "./catalog";
import { createCounters, type Ctx } from "./context";
import { buildCrm } from "./crm";
import { generateCrmHistory } from "./crm-stream";
import { BulkWriter, insertRows } from "./insert";
import { buildOrganisation } from "./org";
import { createRandom, hashString, mixSeed } from "./random";
import { buildRates } from "./rates";
import { CUSTOMERS_PER_DEAL, generateShop } from "./shop";
import { seedDemoForms } from "./forms";
import { seedDemoPlans } from "./plans";
import { buildSyncLog } from "./sync-log";
import { plantDemoAnomalies, type PlantedAnomaly } from "./anomalies";
import { createTimeline } from "./timeline";
import { buildTraffic, generateAdSpend } from "./traffic";
import type { AuditAction } from "@/lib/audit";

export { attributeUtm } from "./attribution";
export { DEMO_EMAIL_DOMAIN, DEMO_ORG_NAME, DEMO_PASSWORD, demoLogins, type DemoLogin } from "./catalog";

/** The sign-ins of the demo organisation (password DEMO_PASSWORD for all). */
export const DEMO_LOGINS = demoLogins();
export const DEFAULT_DEMO_DEALS = 6_000;
export const DEFAULT_DEMO_SEED = 20_240_901;

export type SeedDemoOptions = {
  /** Scale: leads, activities, stage changes, contacts and orders follow in proportion. */
  deals?: number;
  seed?: number;
  /** The end of the history (default: the current time); the same seed and `now` give the same rows. */
  now?: Date;
  /** Domain of the demo logins (default voronka.demo); another domain also gives other ids, so tests use a random one. */
  emailDomain?: string;
  /** Keep the per-row foreign-key checks on (tests do, to prove the rows consistent); off is much faster. */
  checkForeignKeys?: boolean;
  log?: (message: string) => void;
};
/** `planted`: the anomalies planted in the history (db/demo/anomalies.ts). */
export type SeedDemoResult = { orgId: string; planted: PlantedAnomaly[] };

const BATCH_DEALS = 1_000;
const BATCH_CUSTOMERS = 1_000;

/**
 * The per-row foreign-key triggers cost most of the seed's time on PGlite (docs/measurements.md). The generator
 * writes every reference before its row, so with superuser rights (always the case on the embedded
 * database) this transaction skips them, as pg_restore --disable-triggers does; elsewhere it keeps them.
 */
async function skipForeignKeyChecks(tx: Db): Promise<boolean> {
  const [role] = await selectRows<{ isSuperuser: boolean }>(tx, sql`select rolsuper as "isSuperuser" from pg_roles where rolname = current_user`);
  if (!role?.isSuperuser) return false;
  await tx.execute(sql`set local session_replication_role = replica`);
  return true;
}

export async function seedDemo(db: Db, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const deals = options.deals ?? DEFAULT_DEMO_DEALS;
  if (!Number.isInteger(deals) || deals < 1) throw new Error(`seedDemo: deals must be a positive integer, got ${deals}`);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const now = options.now ?? new Date();
  const log = options.log ?? (() => {});
  const emailDomain = options.emailDomain ?? DEMO_EMAIL_DOMAIN;
  // The password hash is salted, so it is the one column a fixed seed does not fix.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The data follows from the seed and `now`; the ids also from the e-mail domain, so tests can
  // seed the very same story twice on one database.
  const dataSeed = mixSeed(seed, now.getTime());
  const rnd = createRandom(dataSeed, emailDomain === DEMO_EMAIL_DOMAIN ? undefined : mixSeed(dataSeed, hashString(emailDomain)));
  const timeline = createTimeline(now);

  const result: { orgId: string } = await db.transaction(async (tx) => {
    if (!options.checkForeignKeys) await skipForeignKeyChecks(tx);
    const org = buildOrganisation(rnd, { createdAt: timeline.start, passwordHash, emailDomain });
    const orgId = org.organisation.id!;
    const managerEmails = demoLogins(emailDomain).filter((l) => l.role === "manager").map((l) => l.email);
    const crm = buildCrm(rnd, timeline, orgId, { managerUserIds: org.managerUserIds, emailDomain, managerEmails });
    const traffic = buildTraffic(rnd, orgId, timeline.start);
    const rates = buildRates(rnd, timeline, orgId);
    await insertRows(tx, schema.organisations, [org.organisation]);
    await insertRows(tx, schema.departments, org.departments);
    await insertRows(tx, schema.users, org.users);
    await insertRows(tx, schema.sources, crm.sources);
    await insertRows(tx, schema.crmUsers, crm.crmUsers);
    await insertRows(tx, schema.pipelines, crm.pipelines);
    await insertRows(tx, schema.stages, crm.stages);
    await insertRows(tx, schema.trafficTeams, traffic.teams);
    await insertRows(tx, schema.attributionRules, traffic.rules);
    await insertRows(tx, schema.exchangeRates, rates.rows);

    const ctx: Ctx = {
      rnd, timeline, orgId, sources: crm.sourceIds, crmUsers: crm.crmUserRefs, pipelines: crm.pipelineRefs, teams: traffic.teamRefs, rates,
      counters: createCounters(), shopOrders: { next: 100_001, count: 0, last: null },
    };
    const writer = new BulkWriter(tx);
    let dealsDone = 0;
    let nextReport = deals / 10;
    for (const batch of generateCrmHistory(ctx, deals, BATCH_DEALS)) {
      writer.write(schema.companies, batch.companies);
      writer.write(schema.contacts, batch.contacts);
      writer.write(schema.leads, batch.leads);
      writer.write(schema.deals, batch.deals);
      writer.write(schema.stageChanges, batch.stageChanges);
      writer.write(schema.activities, batch.activities);
      writer.write(schema.conversationTexts, batch.conversationTexts);
      await writer.settle();
      dealsDone += batch.deals.length;
      if (dealsDone >= nextReport) {
        log(`deals ${dealsDone.toLocaleString("en")} / ${deals.toLocaleString("en")}`);
        while (nextReport <= dealsDone) nextReport += deals / 10;
      }
    }
    for (const rows of generateAdSpend(ctx, deals)) {
      writer.write(schema.adSpend, rows);
      await writer.settle();
    }
    const customerIds: string[] = [];
    for (const batch of generateShop(ctx, Math.max(1, Math.round(deals * CUSTOMERS_PER_DEAL)), BATCH_CUSTOMERS)) {
      writer.write(schema.customers, batch.customers);
      writer.write(schema.orders, batch.orders);
      for (const customer of batch.customers) customerIds.push(customer.id!);
      await writer.settle();
    }
    await writer.flush();
    log(`${writer.rowsWritten.toLocaleString("en")} rows written, ${ctx.shopOrders.count.toLocaleString("en")} of them shop orders`);
    // Customers' figures and categories by the product's own rules, as a shop webhook batch leaves
    // them (lib/ingest/shop/apply-batch.ts); `now` is the history's end, so a seed repeats exactly.
    const customersStarted = Date.now();
    await recomputeCustomers(tx, await loadOrgContext(tx, orgId), customerIds, timeline.now);
    log(`${customerIds.length.toLocaleString("en")} customers computed from their orders in ${((Date.now() - customersStarted) / 1000).toFixed(1)} s`);

    const admin = org.users.find((u) => u.role === "admin")!;
    const syncLog = buildSyncLog(ctx, admin.id!);
    await insertRows(tx, schema.syncRuns, syncLog.runs);
    await insertRows(tx, schema.syncCursors, syncLog.cursors);
    await insertRows(tx, schema.auditLog, [
      { id: rnd.uuid(), orgId, userId: null, action: "demo.seeded" satisfies AuditAction, targetType: "organisation", targetId: orgId, details: { deals, seed, now: now.toISOString() }, createdAt: now },
    ]);
    // Last, so the random draws of every row above stay as they were before the demo had a form.
    await seedDemoForms(tx, ctx, deals);
    return { orgId };
  });
  const planted = await plantDemoAnomalies(db, result.orgId, now);
  log(`${planted.length} anomalies planted`);
  // Fresh statistics for the planner, before the facts are built from the new rows and again
  // after: PGlite runs no autovacuum (nor does a server with it off, and on one with it on it comes
  // too late). Without them it takes the tables for a few hundred rows and picks nested loops, and
  // building the facts takes many times longer (docs/measurements.md, "Demo data").
  await db.execute(sql`analyze`);
  // The report facts of the new organisation, built in one pass over its rows (docs/reports.md).
  const factsStarted = Date.now();
  await rebuildReportFacts(db, result.orgId);
  log(`report facts built in ${((Date.now() - factsStarted) / 1000).toFixed(1)} s`);
  await db.execute(sql`analyze`);
  log("statistics updated (analyze)");
  // Plans last: they are set from the Managers report, which reads the facts built just above.
  log(`${await seedDemoPlans(db, result.orgId, now)} demo plans set`);
  // The win-probability model, trained by the product's own function on the demo's closed deals,
  // so the deal cards and the Models page have one from the first start.
  const modelStarted = Date.now();
  const model = await trainWinModel(db, result.orgId, now);
  log(`win-probability model v${model.version} (${model.kind}, ${model.closedDeals} closed deals) trained in ${((Date.now() - modelStarted) / 1000).toFixed(1)} s`);
  // Its probabilities for the open deals, stored as the background stores them (the forecast and the cards read them).
  const scoreStarted = Date.now();
  const scores = await scoreStaleDeals(db, result.orgId, { now });
  log(`${scores.scored} open deals scored in ${((Date.now() - scoreStarted) / 1000).toFixed(1)} s`);
  // Churn risk by the same background function, so the churn candidates and their backtest show at once.
  const churn = await scoreAllCustomers(db, result.orgId, now);
  log(`churn risk of ${churn.customersScored.toLocaleString("en")} customers scored; backtest: ${churn.topChurned} of the top ${churn.topN} did not return (all active: ${churn.churned} of ${churn.eligible})`);
  // The anomaly alerts of the last 2 weeks, as the background pass finds them: the planted ones show
  // on the Overview at once. They are history, not news: the demo has no Telegram set, so they are
  // marked skipped and a chat configured later does not receive them; nor are they e-mailed.
  const anomalyRun = await detectOrgAnomalies(db, result.orgId, { now });
  await notifyAnomalies(db, result.orgId, { now });
  await queueAnomalyMails(db, result.orgId, { now, mail: null });
  log(`${anomalyRun.found} anomalies found in ${anomalyRun.series} daily series`);
  return { ...result, planted };
}

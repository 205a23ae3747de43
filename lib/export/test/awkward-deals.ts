// Deals that are awkward to export — Cyrillic, quotes, delimiters, line breaks, formulas, NULLs,
// empty texts, zero, negative and extreme amounts, exchange rates with many decimals, microseconds,
// times before 1970 — in an organisation of a chosen time zone: the dataset on which the COPY paths
// are held to the row writers' bytes (deals-copy-csv.test.ts, deals-copy-xlsx.test.ts).
import { eq, sql } from "drizzle-orm";
import { crmUsers, deals, exchangeRates, pipelines, sources } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import type { TestDb } from "@/db/test/test-db";
import { loadViewer, type Viewer } from "@/lib/auth/viewer";

type AwkwardDeal = { externalId: string; title: string; manager: "alice" | "bob" | "carol" | null; stage: "NEW" | "EXECUTING" | "WON" | "LOSE"; amount: string; currency: string; createdAt: string; closedAt?: string; utm?: [string | null, string | null, string | null] };

export const awkward: AwkwardDeal[] = [
  { externalId: "=1+1", title: 'Сделка "Ромашка"; этап 2', manager: "alice", stage: "WON", amount: "1234.50", currency: "KZT", createdAt: "2025-03-09T06:59:00Z", closedAt: "2025-03-09T07:00:00Z" },
  { externalId: "+7 701 000", title: "строка 1\nстрока 2", manager: null, stage: "NEW", amount: "0.00", currency: "KZT", createdAt: "2025-11-02T05:30:00Z" },
  { externalId: "-5", title: "crlf\r\nend", manager: "bob", stage: "LOSE", amount: "-0.05", currency: "USD", createdAt: "2025-11-02T06:30:00Z", closedAt: "2025-12-31T23:59:59Z" },
  { externalId: "@home", title: "\tс табуляцией", manager: "carol", stage: "EXECUTING", amount: "9999999999999.99", currency: "USD", createdAt: "2025-01-31T20:30:00Z" },
  { externalId: "\rcr", title: "a,b", manager: "alice", stage: "NEW", amount: "12345678901234.57", currency: "EUR", createdAt: "2024-02-29T12:00:00Z" },
  { externalId: "E6", title: "", manager: "bob", stage: "WON", amount: "70368744177664.01", currency: "KZT", createdAt: "1969-12-31T23:59:59.999Z", closedAt: "1970-01-01T00:00:00Z" },
  { externalId: "E7", title: "'уже с апострофом", manager: null, stage: "LOSE", amount: "9999999999999999.99", currency: "KZT", createdAt: "2025-06-15T00:00:00Z", utm: ["", null, "весна\nsale;1"] },
  { externalId: "E8", title: '"', manager: "carol", stage: "NEW", amount: "0.01", currency: "USD", createdAt: "2025-06-15T00:00:00Z", utm: ["-cpc", "=ads", "a,b;c"] },
  { externalId: "E9", title: "Сделка №9", manager: "alice", stage: "WON", amount: "123456789012345.67", currency: "KZT", createdAt: "2025-06-15T00:00:00Z", closedAt: "2025-07-01T18:00:00Z", utm: ["yandex", "cpc", "лето"] },
  // € at 512.34567891: -1 234.57 × 512.34567891 = -632 526.604… and 0.07 × 512.34567891 = 35.864…, rounded to the kopeck.
  { externalId: "E10", title: "Ёлка & <теги> 'кавычки' \u0001", manager: "bob", stage: "LOSE", amount: "-1234.57", currency: "EUR", createdAt: "2025-03-30T00:30:00Z", closedAt: "2025-10-26T00:59:00Z" },
  { externalId: "E11", title: "=SUM(A1:A9)", manager: "carol", stage: "WON", amount: "0.07", currency: "EUR", createdAt: "2025-03-08T18:45:30.5Z", closedAt: "2025-03-08T18:45:59.999Z", utm: ["@mail", "\tcpc", "+7"] },
];

/** An organisation in `timezone` holding the awkward deals (₸ base; $ at 500, € at 512.34567891). */
export async function createAwkwardOrg(testDb: TestDb, timezone: string): Promise<{ f: OrgFixture; viewer: Viewer }> {
  const f = await createOrgFixture(testDb.db, { timezone });
  await testDb.db.insert(exchangeRates).values([
    { orgId: f.org.id, currency: "USD", day: "2000-01-01", rate: "500" },
    { orgId: f.org.id, currency: "EUR", day: "2025-01-01", rate: "512.34567891" },
  ]);
  await testDb.db.update(crmUsers).set({ name: '=cmd|" /C calc"!A0' }).where(eq(crmUsers.id, f.crmUsers.bob.id));
  await testDb.db.update(crmUsers).set({ name: "Ольга \"Оля\"; старшая" }).where(eq(crmUsers.id, f.crmUsers.carol.id));
  await testDb.db.update(pipelines).set({ name: 'Основная, "B2B"' }).where(eq(pipelines.id, f.pipeline.id));
  await testDb.db.update(sources).set({ name: "Портал; web" }).where(eq(sources.id, f.source.id));
  await testDb.db.insert(deals).values(
    awkward.map((deal) => ({
      orgId: f.org.id,
      sourceId: f.source.id,
      externalId: deal.externalId,
      title: deal.title,
      pipelineId: f.pipeline.id,
      stageId: f.stages[deal.stage].id,
      amount: deal.amount,
      currency: deal.currency,
      crmUserId: deal.manager ? f.crmUsers[deal.manager].id : null,
      createdAt: new Date(deal.createdAt),
      closedAt: deal.closedAt ? new Date(deal.closedAt) : null,
      utmSource: deal.utm?.[0] ?? null,
      utmMedium: deal.utm?.[1] ?? null,
      utmCampaign: deal.utm?.[2] ?? null,
    })),
  );
  // Microseconds, which JavaScript dates cannot hold: the local minute must still be cut, not rounded.
  await testDb.db.execute(sql`update deals set created_at = created_at + interval '59.999999 seconds' where org_id = ${f.org.id} and external_id = 'E8'`);
  const viewer = await loadViewer(testDb.db, f.users.admin.id);
  return { f, viewer: viewer! };
}


/** The three time zones the exports are compared in: a whole-hour one, one with summer time, a half-hour one. */
export const AWKWARD_ZONES = ["Asia/Almaty", "America/New_York", "Asia/Kolkata"] as const;

/**
 * `count` plain deals ("Сделка 0", amount 0, 1, 2 …, one a minute from January 1950, so every compared
 * period leaves them out): enough rows that a COPY is still running when the client goes away.
 */
export async function addManyPlainDeals(testDb: TestDb, f: OrgFixture, count: number) {
  const many = Array.from({ length: count }, (_, index) => ({
    orgId: f.org.id,
    sourceId: f.source.id,
    externalId: `M${index}`,
    title: `Сделка ${index}`,
    pipelineId: f.pipeline.id,
    stageId: f.stages.NEW.id,
    amount: String(index),
    currency: "KZT",
    createdAt: new Date(Date.UTC(1950, 0, 1) + index * 60_000),
  }));
  for (let start = 0; start < many.length; start += 2000) await testDb.db.insert(deals).values(many.slice(start, start + 2000));
}

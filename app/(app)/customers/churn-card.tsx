// The "Churn candidates" card: who is past their usual gap, the backtest that says how often such a
// list was right, and the export of the whole list.
import { ExportMenu } from "@/components/export/export-menu";
import { Card } from "@/components/ui/card";
import { PageLinks } from "@/components/ui/page-links";
import type { Db } from "@/db/types";
import { CUSTOMERS_PAGE_SIZE, CUSTOMER_SORTS, listCustomers } from "@/lib/customers/queries";
import { CANDIDATE_RISK_MIN, getChurnRun } from "@/lib/customers/churn/run";
import { formatDate, formatNumber, formatRate, type Locale } from "@/lib/format";
import { churnMessages } from "@/lib/i18n/churn-messages";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import { fill } from "@/lib/i18n/fill";
import { z } from "zod";
import { ChurnTable } from "./churn-table";

/** The card's own address parameters; a wrong one falls back to the default, as the page's filters do. */
export const churnParamsSchema = z.object({
  churnSort: z.enum(CUSTOMER_SORTS).default("churnRisk").catch("churnRisk"),
  churnOrder: z.enum(["asc", "desc"]).default("desc").catch("desc"),
  churnPage: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});

type Props = { db: Db; orgId: string; params: Record<string, string>; t: CustomersMessages; locale: Locale; currency: string; timeZone: string };

export async function ChurnCard({ db, orgId, params, t, locale, currency, timeZone }: Props) {
  const churn = churnMessages[locale];
  const { churnSort, churnOrder, churnPage } = churnParamsSchema.parse(params);
  const filters = { churnRiskMin: CANDIDATE_RISK_MIN, active: true, sort: churnSort, order: churnOrder, page: churnPage } as const;
  const [list, run] = await Promise.all([listCustomers(db, orgId, filters), getChurnRun(db, orgId)]);
  const min = formatRate(CANDIDATE_RISK_MIN, locale);
  const test = run?.backtest;
  const pages = Math.max(1, Math.ceil(list.total / CUSTOMERS_PAGE_SIZE));
  const href = (page: number) => `/customers?${new URLSearchParams({ ...params, churnPage: String(page) }).toString()}`;
  return (
    <Card title={churn.candidates}>
      <div className="space-y-3 text-sm">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <p className="max-w-3xl text-slate-500">{fill(churn.intro, { min })}</p>
          <ExportMenu kind="customers" params={{ churnRiskMin: String(CANDIDATE_RISK_MIN), active: "true", sort: churnSort, order: churnOrder }} />
        </div>
        <p data-testid="churn-backtest">
          {!run
            ? churn.noRun
            : test?.cutoffAt && test.topN > 0
              ? fill(churn.backtest, {
                  date: formatDate(test.cutoffAt, timeZone, locale),
                  n: formatNumber(test.topN, locale),
                  hits: formatNumber(test.topChurned, locale),
                  precision: formatRate(test.precision, locale),
                  min: formatNumber(test.horizonDays.min, locale),
                  max: formatNumber(test.horizonDays.max, locale),
                  eligible: formatNumber(test.eligible, locale),
                  base: formatRate(test.baseRate, locale),
                  recency: formatRate(test.recencyPrecision, locale),
                })
              : churn.noBacktest}
        </p>
        {run ? <p className="text-xs text-slate-500">{fill(churn.scoredAt, { date: formatDate(run.scoredAt, timeZone, locale), gap: formatNumber(Math.round(run.priorGapDays), locale) })}</p> : null}
        <ChurnTable rows={list.rows} sort={churnSort} order={churnOrder} t={t} churn={churn} locale={locale} currency={currency} timeZone={timeZone} empty={fill(churn.empty, { min })} />
        <PageLinks label={churn.candidates} page={churnPage} pages={pages} href={href} texts={t} locale={locale} testId="churn-page" />
      </div>
    </Card>
  );
}

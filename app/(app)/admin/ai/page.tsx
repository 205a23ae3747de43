// /admin/ai: which analyser is in use (never the key), the organisation's opt-in and budget, this
// month's usage, and the request log of every model call.
import Link from "next/link";
import { PageHeader } from "@/components/admin/page-header";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { currentAiConfig, describeProvider } from "@/lib/ai/config";
import { listAiRequests, type AiRequestRow } from "@/lib/ai/request-log";
import { getAiSettings, usageThisMonth } from "@/lib/ai/settings";
import { requirePermission } from "@/lib/auth/session";
import { isErrorCode } from "@/lib/error-codes";
import { formatDateTime, formatNumber } from "@/lib/format";
import { aiMessages } from "@/lib/i18n/ai-messages";
import { errorText } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { AiSettingsForm } from "./settings-form";

export const generateMetadata = pageTitle("ai");

const PAGE_SIZE = 50;

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AiAdminPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requirePermission("ai:manage");
  const locale = await resolveLocale(viewer);
  const t = aiMessages[locale];
  const db = await getDb();
  const config = currentAiConfig();
  const provider = describeProvider(config);
  const params = await searchParams;
  const beforeParam = Array.isArray(params.before) ? params.before[0] : params.before;
  const before = beforeParam && !Number.isNaN(Date.parse(beforeParam)) ? new Date(beforeParam) : undefined;
  const [settings, usage, rows] = await Promise.all([getAiSettings(db, viewer.orgId), usageThisMonth(db, viewer.orgId), listAiRequests(db, viewer.orgId, { limit: PAGE_SIZE, before })]);
  const timeZone = viewer.org.timezone;

  const columns: Column<AiRequestRow>[] = [
    { key: "when", label: t.log.when, className: "whitespace-nowrap tabular-nums", render: (r) => formatDateTime(r.createdAt, timeZone, locale) },
    { key: "kind", label: t.log.kind, render: (r) => t.log.kinds[r.kind] },
    { key: "model", label: t.log.model, render: (r) => r.model },
    { key: "tokens", label: t.log.tokens, isNumeric: true, render: (r) => `${formatNumber(r.tokensIn, locale)} / ${formatNumber(r.tokensOut, locale)}` },
    { key: "cost", label: t.log.cost, isNumeric: true, render: (r) => Number(r.costUsd).toFixed(4) },
    { key: "latency", label: t.log.latency, isNumeric: true, render: (r) => formatNumber(r.latencyMs, locale) },
    {
      key: "outcome",
      label: t.log.outcome,
      testId: "ai-outcome",
      render: (r) => (
        <span className={r.outcome === "ok" ? "text-emerald-700" : "text-red-700"} title={r.errorCode && isErrorCode(r.errorCode) ? errorText(locale, { code: r.errorCode }) : undefined}>
          {t.log.outcomes[r.outcome]}
        </span>
      ),
    },
  ];

  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: t.backToAdmin }} />
      <Card title={t.provider.title}>
        <div className="space-y-1 text-sm text-slate-700" data-testid="ai-provider">
          <p>{provider.kind === "basic" ? t.provider.basic : fill(t.provider.model, { model: provider.model ?? "", host: provider.host ?? "" })}</p>
          {provider.kind === "model" ? (
            <>
              <p>{provider.transcribeModel ? fill(t.provider.transcribe, { model: provider.transcribeModel }) : t.provider.noTranscribe}</p>
              <p>{fill(t.provider.redaction, { state: config.redactPii ? t.provider.on : t.provider.off })}</p>
            </>
          ) : null}
        </div>
      </Card>
      <Card title={t.form.title}>
        <AiSettingsForm values={settings} t={t} locale={locale} />
        <p className="mt-4 text-sm text-slate-600" data-testid="ai-usage">
          {fill(t.usage, { spent: formatNumber(usage.tokens, locale), budget: formatNumber(settings.monthlyTokenBudget, locale), cost: Number(usage.costUsd).toFixed(4) })}
        </p>
      </Card>
      <Card title={t.log.title}>
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          label={t.log.table}
          testId="ai-requests-table"
          empty={t.log.empty}
          pager={
            rows.length === PAGE_SIZE ? (
              <Link href={`/admin/ai?before=${encodeURIComponent(rows[rows.length - 1].createdAt.toISOString())}`} className="text-sm text-brand-700 hover:underline">
                {t.log.older}
              </Link>
            ) : null
          }
        />
      </Card>
    </div>
  );
}

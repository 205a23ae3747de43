// The admin "Models" page: the organisation's win-probability model, what it learned from, and how
// well it did on the later deals it had not seen (AUC, Brier score, calibration), with its versions.
import { PageHeader } from "@/components/admin/page-header";
import { ApiButton } from "@/components/ui/api-button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import type { CalibrationBin } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { formatDate, formatDateTime, formatNumber, formatRate, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { modelsMessages, type ModelsMessages } from "@/lib/i18n/models-messages";
import { pageTitle } from "@/lib/i18n/page-title";
import { listModels, type ModelSummary } from "@/lib/predict/models-api";

export const generateMetadata = pageTitle("models");
export const dynamic = "force-dynamic";

export default async function ModelsPage() {
  const viewer = await requirePermission("models:manage");
  const locale = await resolveLocale(viewer);
  const t = modelsMessages[locale];
  const { model, history, minClosedDeals } = await listModels(await getDb(), viewer.orgId);
  const timezone = viewer.org.timezone;
  const measure = (value: number | null) => (value === null ? t.noMeasure : formatNumber(Number(value.toFixed(3)), locale));
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t.title} intro={t.intro} back={{ href: "/admin", label: t.back }} />
      <Card title={t.current}>
        <div className="mb-4">
          <ApiButton url="/api/models/train" method="POST" label={t.trainNow} pendingLabel={t.training} locale={locale} />
        </div>
        {model ? (
          <div className="space-y-4 text-sm" data-testid="model-current">
            {model.kind === "stage-rate" ? <p className="rounded-lg bg-amber-50 p-3 text-amber-900">{fill(t.stageRateNote, { count: formatNumber(model.closedDeals, locale), min: formatNumber(minClosedDeals, locale) })}</p> : null}
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
              <Fact label={t.version} value={`${fill(t.versionNumber, { n: model.version })} · ${t.kind[model.kind]}`} />
              <Fact label={t.trainedAt} value={formatDateTime(model.trainedAt, timezone, locale)} />
              <Fact label={t.closedDeals} value={formatNumber(model.closedDeals, locale)} />
              <Fact label={t.split} value={splitText(model, t, timezone, locale)} />
              <Fact label={t.auc} value={measure(model.auc)} help={t.aucHelp} testId="model-auc" />
              <Fact label={t.brier} value={measure(model.brier)} help={t.brierHelp} testId="model-brier" />
            </dl>
          </div>
        ) : (
          <p className="text-sm text-slate-500" data-testid="model-none">{t.none}</p>
        )}
      </Card>
      {model ? (
        <Card title={t.calibration}>
          <p className="mb-3 text-sm text-slate-500">{t.calibrationHelp}</p>
          <DataTable columns={calibrationColumns(t, locale)} rows={model.calibration.filter((bin) => bin.deals > 0)} rowKey={(bin) => String(bin.from)} label={t.calibration} testId="model-calibration" empty={t.noCalibration} />
        </Card>
      ) : null}
      {history.length > 1 ? (
        <Card title={t.history}>
          <DataTable columns={historyColumns(t, timezone, locale, measure)} rows={history} rowKey={(row) => row.id} label={t.history} testId="model-history" />
        </Card>
      ) : null}
    </div>
  );
}

function Fact({ label, value, help, testId }: { label: string; value: string; help?: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium">{value}</dd>
      {help ? <dd className="text-xs text-slate-500">{help}</dd> : null}
    </div>
  );
}

function splitText(model: ModelSummary, t: ModelsMessages, timezone: string, locale: Locale): string {
  if (model.testRows === 0 || !model.splitAt) return t.noTest;
  return fill(t.splitText, { train: formatNumber(model.trainRows, locale), test: formatNumber(model.testRows, locale), date: formatDate(model.splitAt, timezone, locale) });
}

function calibrationColumns(t: ModelsMessages, locale: Locale): Column<CalibrationBin>[] {
  return [
    { key: "band", label: t.band, render: (bin) => `${formatRate(bin.from, locale)} – ${formatRate(bin.to, locale)}` },
    { key: "deals", label: t.deals, isNumeric: true, render: (bin) => formatNumber(bin.deals, locale) },
    { key: "predicted", label: t.meanPredicted, isNumeric: true, render: (bin) => formatRate(bin.meanPredicted, locale) },
    { key: "observed", label: t.observed, isNumeric: true, render: (bin) => formatRate(bin.observedRate, locale) },
  ];
}

function historyColumns(t: ModelsMessages, timezone: string, locale: Locale, measure: (value: number | null) => string): Column<ModelSummary>[] {
  return [
    { key: "version", label: t.version, render: (row) => fill(t.versionNumber, { n: row.version }) },
    { key: "kind", label: t.method, render: (row) => t.kind[row.kind] },
    { key: "trainedAt", label: t.trainedAt, render: (row) => formatDateTime(row.trainedAt, timezone, locale) },
    { key: "closed", label: t.closedDeals, isNumeric: true, render: (row) => formatNumber(row.closedDeals, locale) },
    { key: "auc", label: t.auc, isNumeric: true, render: (row) => measure(row.auc) },
    { key: "brier", label: t.brier, isNumeric: true, render: (row) => measure(row.brier) },
  ];
}

"use client";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import { formatNumber, type Locale } from "@/lib/format";
import { formatPhone } from "@/lib/contact-details";
import { fill } from "@/lib/i18n/fill";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import type { RebuildReport } from "@/lib/customers/rebuild";

type Props = { values: { vipTotalThreshold: string; inactiveDays: number }; t: CustomersMessages; locale: Locale };

/** The admin's thresholds (PUT /api/customers/settings) and the "recompute everyone" button (POST /api/customers/rebuild) with its report. */
export function CustomerSettingsForm({ values, t, locale }: Props) {
  const save = useApiForm({
    send: (data: FormData) => callApi("/api/customers/settings", { method: "PUT", body: { vipTotalThreshold: data.get("vipTotalThreshold"), inactiveDays: data.get("inactiveDays") } }),
    locale,
    fields: { vipTotalThreshold: t.invalid, inactiveDays: t.invalid },
  });
  const rebuild = useApiForm({ send: () => callApi<RebuildReport>("/api/customers/rebuild", { method: "POST" }), locale });
  const refusal = Object.values(save.fieldErrors)[0] ?? save.outcome.message;
  const report = rebuild.result;
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-500">{t.rules}</p>
      <form onSubmit={save.onSubmit} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">{t.vipThreshold}</span>
          <input name="vipTotalThreshold" type="number" min="1" step="0.01" defaultValue={Number(values.vipTotalThreshold)} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">{t.inactiveDays}</span>
          <input name="inactiveDays" type="number" min="1" max="3650" defaultValue={values.inactiveDays} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {t.save}
        </Button>
        {save.result !== undefined && !refusal ? <span className="text-emerald-700">{t.saved}</span> : null}
        {refusal ? (
          <span role="alert" className="text-red-700">
            {refusal}
          </span>
        ) : null}
      </form>
      <form onSubmit={rebuild.onSubmit}>
        <Button type="submit" disabled={rebuild.isPending} data-testid="rebuild-customers">
          {rebuild.isPending ? t.rebuilding : t.rebuild}
        </Button>
        {rebuild.outcome.message ? (
          <span role="alert" className="ml-3 text-red-700">
            {rebuild.outcome.message}
          </span>
        ) : null}
      </form>
      {report && !rebuild.isPending ? (
        <div data-testid="rebuild-report">
          <p>{fill(t.rebuilt, { n: formatNumber(report.customers, locale), linked: formatNumber(report.linkedOrders, locale) })}</p>
          {report.failed.length > 0 ? (
            <>
              <p className="text-red-700">{fill(t.rebuildFailed, { n: formatNumber(report.failed.length, locale) })}</p>
              <ul className="list-disc pl-5 text-xs text-red-700">
                {report.failed.slice(0, 50).map((f) => (
                  <li key={f.customerId}>
                    {(f.phone && formatPhone(f.phone)) ?? f.email ?? f.customerId}: {f.error}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { formatNumber, type Locale } from "@/lib/format";
import { formatPhone } from "@/lib/contact-details";
import { fill } from "@/lib/i18n/fill";
import type { CustomersMessages } from "@/lib/i18n/customers-messages";
import { rebuildCustomersAction, saveCustomerSettingsAction, type RebuildState, type SettingsState } from "./actions";

type Props = { values: { vipTotalThreshold: string; inactiveDays: number }; t: CustomersMessages; locale: Locale };

/** The admin's thresholds and the "recompute everyone" button with its report. */
export function CustomerSettingsForm({ values, t, locale }: Props) {
  const [saved, save, saving] = useActionState<SettingsState, FormData>(saveCustomerSettingsAction, { status: "idle" });
  const [rebuilt, rebuild, rebuilding] = useActionState<RebuildState>(rebuildCustomersAction, { status: "idle" });
  return (
    <div className="space-y-4 text-sm">
      <p className="text-slate-500">{t.rules}</p>
      <form action={save} className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">{t.vipThreshold}</span>
          <input name="vipTotalThreshold" type="number" min="1" step="0.01" defaultValue={Number(values.vipTotalThreshold)} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-600">{t.inactiveDays}</span>
          <input name="inactiveDays" type="number" min="1" max="3650" defaultValue={values.inactiveDays} className="rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <Button type="submit" variant="secondary" disabled={saving}>
          {t.save}
        </Button>
        {saved.status === "saved" ? <span className="text-emerald-700">{t.saved}</span> : null}
        {saved.status === "invalid" ? <span className="text-red-700">{t.invalid}</span> : null}
      </form>
      <form action={rebuild}>
        <Button type="submit" disabled={rebuilding} data-testid="rebuild-customers">
          {rebuilding ? t.rebuilding : t.rebuild}
        </Button>
      </form>
      {rebuilt.status === "done" ? (
        <div data-testid="rebuild-report">
          <p>{fill(t.rebuilt, { n: formatNumber(rebuilt.report.customers, locale), linked: formatNumber(rebuilt.report.linkedOrders, locale) })}</p>
          {rebuilt.report.failed.length > 0 ? (
            <>
              <p className="text-red-700">{fill(t.rebuildFailed, { n: formatNumber(rebuilt.report.failed.length, locale) })}</p>
              <ul className="list-disc pl-5 text-xs text-red-700">
                {rebuilt.report.failed.slice(0, 50).map((f) => (
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

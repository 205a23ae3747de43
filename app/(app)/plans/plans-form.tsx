"use client";
// One month's plans as a form: a row per department and per manager with two inputs (revenue, won
// deals) beside the month's fact, % done and projection. Saving sends the changed rows to
// PUT /api/plans, which stores them all or none; an emptied row removes that plan.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { tableScroll } from "@/components/ui/table-scroll";
import { callApi } from "@/lib/api/call-api";
import type { JsonOf } from "@/lib/api/json-of";
import { formatMoney, formatNumber, formatRate, type Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import type { PlansMessages } from "@/lib/i18n/plans-messages";
import type { PlanTable } from "@/lib/plans/plan-table";
import type { PlanWrite } from "@/lib/plans/store";
import { readAmount } from "@/lib/ad-spend/values";

/** An amount as typed, in one spelling ("1 500 000,5" → "1500000.50"); text that is no amount stays as typed. */
function sameAmount(text: string): string {
  const amount = readAmount(text);
  if (amount === null) return text.trim();
  const [whole, fraction = ""] = amount.split(".");
  return `${BigInt(whole)}.${(fraction + "00").slice(0, 2)}`;
}

type Props = { table: JsonOf<PlanTable>; locale: Locale; t: PlansMessages };
type Line = { key: string; target: { userId: string } | { departmentId: string }; name: string; revenue: string | null; wonDeals: number | null; progress: JsonOf<PlanTable>["managers"][number]["progress"] };
type Draft = { revenue: string; wonDeals: string };

export function PlansForm({ table, locale, t }: Props) {
  const router = useRouter();
  const departments: Line[] = table.departments.map((row) => ({ key: `d:${row.departmentId}`, target: { departmentId: row.departmentId }, ...row }));
  const managers: Line[] = table.managers.map((row) => ({ key: `u:${row.userId}`, target: { userId: row.userId }, ...row }));
  const lines = [...departments, ...managers];
  const initial = Object.fromEntries(lines.map((line) => [line.key, { revenue: line.revenue === null ? "" : line.revenue.replace(/\.00$/, ""), wonDeals: line.wonDeals === null ? "" : String(line.wonDeals) }]));
  const [drafts, setDrafts] = useState<Record<string, Draft>>(initial);
  // New stored plans (this form saved, or a CSV import on the same page) replace what the inputs hold.
  const stored = JSON.stringify(initial);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setDrafts(initial);
  }
  // Compared as amounts, so "1 500 000" typed and "1500000.00" stored after saving are the same plan.
  const changed = lines.filter((line) => sameAmount(drafts[line.key].revenue) !== sameAmount(initial[line.key].revenue) || drafts[line.key].wonDeals.trim() !== initial[line.key].wonDeals);
  const save = useMutation({
    mutationFn: () =>
      callApi<PlanWrite>("/api/plans", {
        method: "PUT",
        body: {
          rows: changed.map((line) => {
            const draft = drafts[line.key];
            const deals = draft.wonDeals.trim();
            // a whole number goes as a number; anything else as typed, for the server to name the mistake
            return { month: table.month, ...line.target, revenue: draft.revenue.trim() || null, wonDeals: deals === "" ? null : /^\d+$/.test(deals) ? Number(deals) : deals };
          }),
        },
      }),
    onSuccess: () => router.refresh(),
  });
  // "rows.2.revenue" → "alice: План выручки", so the error names the row and the field.
  const labels = Object.fromEntries(changed.flatMap((line, index) => [[`rows.${index}.revenue`, `${line.name}: ${t.revenuePlan}`], [`rows.${index}.wonDeals`, `${line.name}: ${t.wonDealsPlan}`]]));
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, table.currency, locale));
  const first = lines[0]?.progress;

  const section = (title: string, list: Line[]) =>
    list.length === 0 ? null : (
      <tbody>
        <tr>
          <th colSpan={6} className="pt-4 pb-1 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            {title}
          </th>
        </tr>
        {list.map((line) => (
          <tr key={line.key} className="border-t border-slate-100" data-testid="plan-row">
            <td className="py-1 pr-3" data-testid="plan-name">{line.name}</td>
            <td className="py-1 pr-3">
              <PlanInput
                wide
                label={`${line.name}: ${t.revenuePlan}`}
                value={drafts[line.key].revenue}
                placeholder={"departmentId" in line.target && line.revenue === null && line.progress.planRevenue !== null ? fill(t.fromManagers, { amount: money(line.progress.planRevenue) }) : ""}
                onChange={(revenue) => setDrafts({ ...drafts, [line.key]: { ...drafts[line.key], revenue } })}
              />
            </td>
            <td className="py-1 pr-3">
              <PlanInput label={`${line.name}: ${t.wonDealsPlan}`} value={drafts[line.key].wonDeals} onChange={(wonDeals) => setDrafts({ ...drafts, [line.key]: { ...drafts[line.key], wonDeals } })} />
            </td>
            <td className="py-1 pr-3 text-right tabular-nums" data-testid="plan-fact">
              {money(line.progress.factRevenue)} · {formatNumber(line.progress.factWonDeals, locale)}
            </td>
            <td className="py-1 pr-3 text-right tabular-nums" data-testid="plan-done">{formatRate(line.progress.revenueDone, locale)}</td>
            <td className="py-1 text-right tabular-nums" data-testid="plan-projection">{money(line.progress.projectedRevenue)}</td>
          </tr>
        ))}
      </tbody>
    );

  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed.length > 0) save.mutate();
      }}
    >
      <label className="flex items-center gap-2 text-sm">
        {t.month}
        <input type="month" className="rounded-lg border border-slate-300 px-3 py-1" value={table.month} onChange={(event) => event.target.value && router.push(`/plans?month=${event.target.value}`)} data-testid="plan-month" />
        {first ? <span className="text-xs text-slate-500">{fill(t.days, { elapsed: first.elapsedDays, days: first.daysInMonth })}</span> : null}
      </label>
      {lines.length === 0 ? (
        <p className="text-sm text-slate-500">{t.empty}</p>
      ) : (
        <div className={tableScroll}>
          <table className="w-full text-sm" data-testid="plans-table">
            <thead className="text-left text-xs text-slate-500">
              <tr>
                <th className="py-1 pr-3">{t.name}</th>
                <th className="py-1 pr-3">{t.revenuePlan}, {table.currency}</th>
                <th className="py-1 pr-3">{t.wonDealsPlan}</th>
                <th className="py-1 pr-3 text-right">{t.fact}</th>
                <th className="py-1 pr-3 text-right">{t.done}</th>
                <th className="py-1 text-right">{t.projection}</th>
              </tr>
            </thead>
            {section(t.departments, departments)}
            {section(t.managers, managers)}
          </table>
        </div>
      )}
      {save.error ? <Alert tone="error">{describeError(save.error, locale, labels)}</Alert> : null}
      {save.data && changed.length === 0 ? (
        <Alert tone="success">
          <span data-testid="plans-saved">{fill(t.saved, { inserted: save.data.inserted, updated: save.data.updated, deleted: save.data.deleted })}</span>
        </Alert>
      ) : null}
      <Button type="submit" disabled={changed.length === 0 || save.isPending}>
        {save.isPending ? t.saving : t.save}
      </Button>
    </form>
  );
}

/** One figure of a plan row, typed as people write numbers ("1 500 000,50"). */
function PlanInput(props: { label: string; value: string; placeholder?: string; wide?: boolean; onChange: (value: string) => void }) {
  return (
    <input
      className={`${props.wide ? "w-36" : "w-20"} rounded-lg border border-slate-300 px-2 py-1 text-right tabular-nums`}
      inputMode={props.wide ? "decimal" : "numeric"}
      aria-label={props.label}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

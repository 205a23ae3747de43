"use client";
// One month's plans as a form: a table of departments and one of managers, each row with two inputs
// (revenue, won deals) beside the month's fact, % done and projection. Saving sends the changed rows
// to PUT /api/plans (useApiForm), which stores them all or none; an emptied row removes that plan.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert } from "@/components/admin/form-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { JsonOf } from "@/lib/api/json-of";
import { formatMoney, formatNumber, formatRate, type Locale } from "@/lib/format";
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
  const form = useApiForm({
    send: () =>
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
    locale,
    // "rows.2.revenue" → "alice: План выручки", so the error names the row and the field.
    labels: Object.fromEntries(changed.flatMap((line, index) => [[`rows.${index}.revenue`, `${line.name}: ${t.revenuePlan}`], [`rows.${index}.wonDeals`, `${line.name}: ${t.wonDealsPlan}`]])),
    saved: (result) => fill(t.saved, { inserted: result.inserted, updated: result.updated, deleted: result.deleted }),
  });
  const money = (amount: string | null) => (amount === null ? "—" : formatMoney(amount, table.currency, locale));
  const first = lines[0]?.progress;
  const setDraft = (line: Line, patch: Partial<Draft>) => setDrafts({ ...drafts, [line.key]: { ...drafts[line.key], ...patch } });

  const columns: Column<Line>[] = [
    { key: "name", label: t.name, testId: "plan-name", render: (line) => line.name },
    {
      key: "revenue",
      label: `${t.revenuePlan}, ${table.currency}`,
      render: (line) => (
        <PlanInput
          wide
          label={`${line.name}: ${t.revenuePlan}`}
          value={drafts[line.key].revenue}
          placeholder={"departmentId" in line.target && line.revenue === null && line.progress.planRevenue !== null ? fill(t.fromManagers, { amount: money(line.progress.planRevenue) }) : ""}
          onChange={(revenue) => setDraft(line, { revenue })}
        />
      ),
    },
    { key: "wonDeals", label: t.wonDealsPlan, render: (line) => <PlanInput label={`${line.name}: ${t.wonDealsPlan}`} value={drafts[line.key].wonDeals} onChange={(wonDeals) => setDraft(line, { wonDeals })} /> },
    { key: "fact", label: t.fact, isNumeric: true, testId: "plan-fact", render: (line) => `${money(line.progress.factRevenue)} · ${formatNumber(line.progress.factWonDeals, locale)}` },
    { key: "done", label: t.done, isNumeric: true, testId: "plan-done", render: (line) => formatRate(line.progress.revenueDone, locale) },
    { key: "projection", label: t.projection, isNumeric: true, testId: "plan-projection", render: (line) => money(line.progress.projectedRevenue) },
  ];
  const section = (title: string, list: Line[], testId: string) =>
    list.length === 0 ? null : (
      <section className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
        <DataTable columns={columns} rows={list} rowKey={(line) => line.key} label={title} testId={testId} rowProps={() => ({ "data-testid": "plan-row" })} />
      </section>
    );

  return (
    <form className="space-y-3" onSubmit={(event) => (changed.length > 0 ? form.onSubmit(event) : event.preventDefault())}>
      <label className="flex items-center gap-2 text-sm">
        {t.month}
        <input type="month" className="rounded-lg border border-slate-300 px-3 py-1" value={table.month} onChange={(event) => event.target.value && router.push(`/plans?month=${event.target.value}`)} data-testid="plan-month" />
        {first ? <span className="text-xs text-slate-500">{fill(t.days, { elapsed: first.elapsedDays, days: first.daysInMonth })}</span> : null}
      </label>
      {lines.length === 0 ? <p className="text-sm text-slate-500">{t.empty}</p> : null}
      {section(t.departments, departments, "plans-departments")}
      {section(t.managers, managers, "plans-managers")}
      {form.outcome.status === "error" ? <FormAlert state={form.outcome} /> : null}
      {form.outcome.status === "success" && changed.length === 0 ? (
        <Alert tone="success">
          <span data-testid="plans-saved">{form.outcome.message}</span>
        </Alert>
      ) : null}
      <Button type="submit" disabled={changed.length === 0 || form.isPending}>
        {form.isPending ? t.saving : t.save}
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

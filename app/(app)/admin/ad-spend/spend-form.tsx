"use client";
// One figure typed in: sent through the same check and upsert as a CSV row or a script's row. It is
// checked first (dryRun), so a bad value is named by its own problem, as the CSV preview names it.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { DateInput } from "@/components/dashboard/date-input";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { SpendCheck } from "@/lib/ad-spend/import";
import type { TeamRef } from "@/lib/ad-spend/validate";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { rowProblemsText } from "./row-problems";

export function SpendForm({ teams, baseCurrency, t, locale }: { teams: TeamRef[]; baseCurrency: string; t: TrafficMessages["spend"]; locale: Locale }) {
  const [form, setForm] = useState({ team: teams[0]?.id ?? "", day: new Date().toISOString().slice(0, 10), source: "", campaign: "", amount: "", currency: baseCurrency });
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: event.target.value });
  const save = useApiForm({
    send: async () => {
      const rows = [{ ...form, teamId: form.team || teams[0]?.id }];
      const checked = await callApi<SpendCheck>("/api/ad-spend", { body: { rows, dryRun: true } });
      if (checked.errors.length > 0) return { problems: rowProblemsText(checked.errors[0], locale) };
      await callApi("/api/ad-spend", { body: { rows } });
      return { problems: null };
    },
    locale,
    onSaved: ({ problems }) => {
      if (!problems) setForm({ ...form, amount: "" });
    },
  });
  // A row the check refused is said as a refusal, in the words the CSV preview uses.
  const problems = save.result?.problems;
  return (
    <form
      className="grid items-end gap-3 sm:grid-cols-6"
      onSubmit={save.onSubmit}
    >
      <Field label={t.team} htmlFor="spend-team">
        <Select id="spend-team" value={form.team} onChange={set("team")}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.day} htmlFor="spend-day">
        <DateInput id="spend-day" value={form.day} inputProps={{ required: true }} locale={locale} labels={dashboardMessages[locale].filters.calendar} onChange={(day) => setForm({ ...form, day })} />
      </Field>
      <Field label={t.source} htmlFor="spend-source">
        <Input id="spend-source" value={form.source} onChange={set("source")} maxLength={200} />
      </Field>
      <Field label={t.campaign} htmlFor="spend-campaign">
        <Input id="spend-campaign" value={form.campaign} onChange={set("campaign")} maxLength={200} />
      </Field>
      <Field label={t.amount} htmlFor="spend-amount">
        <Input id="spend-amount" inputMode="decimal" value={form.amount} onChange={set("amount")} required placeholder="1 500,50" />
      </Field>
      <Field label={t.currency} htmlFor="spend-currency">
        <Input id="spend-currency" value={form.currency} onChange={set("currency")} required maxLength={3} />
      </Field>
      <div className="flex items-center gap-3 sm:col-span-6">
        <Button type="submit" disabled={save.isPending || teams.length === 0}>
          {t.save}
        </Button>
        {save.result && !problems ? <span className="text-sm text-emerald-700">{t.saved}</span> : null}
      </div>
      {problems || save.outcome.status === "error" ? (
        <div className="sm:col-span-6" data-testid="spend-form-error">
          <Alert tone="error">{problems ?? save.outcome.message}</Alert>
        </div>
      ) : null}
    </form>
  );
}

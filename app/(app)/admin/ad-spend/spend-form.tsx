"use client";
// One figure typed in: sent through the same check and upsert as a CSV row or a script's row. It is
// checked first (dryRun), so a bad value is named by its own problem, as the CSV preview names it.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { SpendCheck } from "@/lib/ad-spend/import";
import type { TeamRef } from "@/lib/ad-spend/validate";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { rowProblemsText } from "./row-problems";

export function SpendForm({ teams, baseCurrency, t, locale }: { teams: TeamRef[]; baseCurrency: string; t: TrafficMessages["spend"]; locale: Locale }) {
  const router = useRouter();
  const [form, setForm] = useState({ team: teams[0]?.id ?? "", day: new Date().toISOString().slice(0, 10), source: "", campaign: "", amount: "", currency: baseCurrency });
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: event.target.value });
  const save = useMutation({
    mutationFn: async () => {
      const rows = [{ ...form, teamId: form.team || teams[0]?.id }];
      const checked = await callApi<SpendCheck>("/api/ad-spend", { body: { rows, dryRun: true } });
      if (checked.errors.length > 0) return { problems: rowProblemsText(checked.errors[0], locale) };
      await callApi("/api/ad-spend", { body: { rows } });
      return { problems: null };
    },
    onSuccess: ({ problems }) => {
      if (problems) return;
      setForm({ ...form, amount: "" });
      router.refresh();
    },
  });
  return (
    <form
      className="grid items-end gap-3 sm:grid-cols-6"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
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
        <Input id="spend-day" type="date" value={form.day} onChange={set("day")} required />
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
        {save.isSuccess && !save.data.problems ? <span className="text-sm text-emerald-700">{t.saved}</span> : null}
      </div>
      {save.error || save.data?.problems ? (
        <div className="sm:col-span-6" data-testid="spend-form-error">
          <Alert tone="error">{save.data?.problems ?? describeError(save.error, locale)}</Alert>
        </div>
      ) : null}
    </form>
  );
}

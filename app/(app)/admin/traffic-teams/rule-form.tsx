"use client";
// Add a rule or change one; "Preview" counts what it would move (leads and deals per team, before →
// after) before anything is saved.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import type { AttributionPreview } from "@/lib/attribution/preview";
import { RULE_FIELDS, RULE_MATCHES } from "@/lib/attribution/types";
import type { Locale } from "@/lib/format";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";
import { callApi } from "@/lib/api/call-api";
import type { Notify } from "./traffic-teams-client";
import type { RuleRow, TeamRow } from "./use-traffic";

type Props = { teams: TeamRow[]; rule: RuleRow | null; t: TrafficMessages["rules"]; locale: Locale; onDone: () => void; onPreview: (preview: AttributionPreview) => void; notify: Notify };

export function RuleForm({ teams, rule: editing, t, locale, onDone, onPreview, notify }: Props) {
  const [form, setForm] = useState({
    teamId: editing?.teamId ?? "",
    field: editing?.field ?? "utm_campaign",
    match: editing?.match ?? "contains",
    pattern: editing?.pattern ?? "",
    priority: String(editing?.priority ?? 0),
  });
  const rule = { ...form, teamId: form.teamId || teams[0]?.id, priority: Number(form.priority) };
  const set = (key: keyof typeof form) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [key]: event.target.value });
  const save = useApiForm({
    send: () => (editing ? callApi(`/api/attribution-rules/${editing.id}`, { method: "PATCH", body: rule }) : callApi("/api/attribution-rules", { body: rule })),
    locale,
    onSaved: () => {
      notify.ok(t.saved);
      setForm({ ...form, pattern: "" });
      onDone();
    },
    onRefused: notify.fail,
  });
  const preview = useApiForm({
    send: () => callApi<{ preview: AttributionPreview }>("/api/attribution-rules/preview", { body: { upsertRules: [{ ...rule, id: editing?.id }] } }),
    locale,
    onSaved: (r) => onPreview(r.preview),
    onRefused: notify.fail,
  });
  if (teams.length === 0) return null;
  return (
    <form
      className="grid items-end gap-3 sm:grid-cols-5"
      data-testid="rule-form"
      onSubmit={save.onSubmit}
    >
      <Field label={t.team} htmlFor="rule-team">
        <Select id="rule-team" value={rule.teamId} onChange={set("teamId")}>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.field} htmlFor="rule-field">
        <Select id="rule-field" value={form.field} onChange={set("field")}>
          {RULE_FIELDS.map((field) => (
            <option key={field}>{field}</option>
          ))}
        </Select>
      </Field>
      <Field label={t.match} htmlFor="rule-match">
        <Select id="rule-match" value={form.match} onChange={set("match")}>
          {RULE_MATCHES.map((match) => (
            <option key={match} value={match}>
              {t.matches[match]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.pattern} htmlFor="rule-pattern">
        <Input id="rule-pattern" value={form.pattern} onChange={set("pattern")} required maxLength={200} />
      </Field>
      <Field label={t.priority} htmlFor="rule-priority">
        <Input id="rule-priority" type="number" min={-1000} max={1000} value={form.priority} onChange={set("priority")} />
      </Field>
      <p className="text-xs text-slate-500 sm:col-span-5">{t.priorityHint}</p>
      <div className="flex gap-2 sm:col-span-5">
        <Button type="button" variant="secondary" onClick={() => preview.run()} disabled={preview.isPending || !form.pattern}>
          {preview.isPending ? t.previewing : t.preview}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {editing ? t.save : t.add}
        </Button>
        {editing ? (
          <Button type="button" variant="ghost" onClick={onDone}>
            {t.cancel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

"use client";
// Write-back into the CRM: per Voronka value, the CRM field it goes to (from the CRM's own list,
// read when the admin opens the form), a dry run that counts what would change, the switch, and
// the outbox's state with "Send again" for failed writes. The dry run saves the mapping first with
// writing left as it is, because it counts against the stored mapping (docs/write-back.md). "Create
// field in the CRM" makes a field for one value there and maps it (the server stores that choice).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import type { WriteBackView } from "@/lib/write-back/manage";
import type { CreatedField } from "@/lib/write-back/new-field";
import type { DryRun } from "@/lib/write-back/plan";
import type { WriteBackKey, WriteBackRecord } from "@/lib/write-back/keys";

type Props = { sourceId: string; t: SourcesMessages; locale: Locale };
type Message = { tone: "success" | "error" | "info"; text: string };

export function WriteBackForm({ sourceId, t, locale }: Props) {
  const [isOpen, setOpen] = useState(false);
  const view = useQuery({
    queryKey: ["write-back", sourceId],
    queryFn: () => callApi<WriteBackView>(`/api/sources/${sourceId}/write-back`),
    enabled: isOpen,
    staleTime: Infinity, // one read of the CRM's field lists per opening: its limits are shared with the sync
  });
  return (
    <details className="mt-4" data-testid="write-back" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-900">{t.writeBack.title}</summary>
      <p className="mt-1 text-xs text-slate-500">{t.writeBack.intro}</p>
      {view.isPending && isOpen ? <p className="mt-2 text-sm text-slate-500">{t.writeBack.loading}</p> : null}
      {view.error ? <Alert tone="error">{fill(t.error, { message: describeError(view.error, locale) })}</Alert> : null}
      {view.data ? <WriteBackRows key={view.dataUpdatedAt} sourceId={sourceId} view={view.data} t={t} locale={locale} /> : null}
    </details>
  );
}

function WriteBackRows({ sourceId, view, t, locale }: Props & { view: WriteBackView }) {
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<Partial<Record<WriteBackKey, string>>>(view.fields);
  const [crmFields, setCrmFields] = useState(view.crmFields);
  const [isEnabled, setEnabled] = useState(view.isEnabled);
  const [message, setMessage] = useState<Message | null>(null);
  const [isBusy, setBusy] = useState(false);
  const w = t.writeBack;
  const recordName: Record<WriteBackRecord, string> = { deal: w.onDeal, contact: w.onContact, lead: w.onLead };
  const hasLeads = view.keys.some((k) => k.entity === "lead");

  async function act(work: () => Promise<Message>) {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (e) {
      setMessage({ tone: "error", text: fill(t.error, { message: describeError(e, locale) }) });
    } finally {
      setBusy(false);
    }
  }
  const store = (enabled: boolean) => callApi(`/api/sources/${sourceId}/write-back`, { method: "PUT", body: { isEnabled: enabled, fields } });
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void act(async () => {
      await store(isEnabled);
      return { tone: "success", text: isEnabled ? w.savedEnabled : w.saved };
    });
  };
  const dryRun = () =>
    act(async () => {
      await store(view.isEnabled);
      const counted = await callApi<DryRun>(`/api/sources/${sourceId}/write-back/dry-run`);
      return { tone: "info", text: fill(hasLeads ? w.dryRunResultLeads : w.dryRunResult, { deals: counted.deals, leads: counted.leads, contacts: counted.contacts, values: counted.values }) };
    });
  const createField = (key: WriteBackKey, entity: WriteBackRecord) =>
    act(async () => {
      const name = fill(w.newFieldName, { value: w.keys[key] });
      const { field } = await callApi<CreatedField>(`/api/sources/${sourceId}/write-back/fields`, { method: "POST", body: { key, name } });
      setCrmFields((current) => ({ ...current, [entity]: [...current[entity], field] }));
      setFields((current) => ({ ...current, [key]: field.id }));
      return { tone: "success", text: fill(w.fieldCreated, { name: field.name, field: field.id }) };
    });
  const replay = () =>
    act(async () => {
      const { replayed } = await callApi<{ replayed: number }>(`/api/sources/${sourceId}/write-back/replay`, { method: "POST" });
      void queryClient.invalidateQueries({ queryKey: ["write-back", sourceId] });
      return { tone: "success", text: fill(w.replayed, { replayed }) };
    });

  return (
    <form onSubmit={save} className="mt-3 space-y-2">
      {view.keys.map(({ key, entity }) => (
        <div key={key} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`write-back-${key}`}>
          <span className="min-w-40 text-slate-700">
            {w.keys[key]} <span className="text-xs text-slate-400">({recordName[entity]})</span>
          </span>
          <Select aria-label={w.keys[key]} className="max-w-full" value={fields[key] ?? ""} onChange={(event) => setFields({ ...fields, [key]: event.target.value || undefined })}>
            <option value="">{w.none}</option>
            {crmFields[entity].map((field) => (
              <option key={field.id} value={field.id}>
                {field.name === field.id ? field.name : `${field.name} (${field.id})`}
              </option>
            ))}
          </Select>
          {fields[key] ? null : (
            <Button type="button" variant="secondary" className="text-xs" disabled={isBusy} onClick={() => createField(key, entity)}>
              {w.createField}
            </Button>
          )}
        </div>
      ))}
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="checkbox" checked={isEnabled} onChange={(event) => setEnabled(event.target.checked)} />
        {w.enabled}
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" disabled={isBusy} onClick={dryRun}>
          {w.dryRun}
        </Button>
        <Button type="submit" disabled={isBusy}>
          {w.save}
        </Button>
      </div>
      <p className="text-xs text-slate-500" data-testid="write-back-outbox">
        {fill(w.outbox, view.outbox)}
      </p>
      {view.dead.length > 0 ? (
        <div className="space-y-1 text-xs" data-testid="write-back-dead">
          <p className="font-medium text-slate-900">{w.deadTitle}</p>
          <ul className="list-inside list-disc text-slate-600">
            {view.dead.map((row) => (
              <li key={`${row.entity}:${row.externalId}`} className="break-words">
                {recordName[row.entity]} {row.externalId}: {row.error}
              </li>
            ))}
          </ul>
          <Button type="button" variant="secondary" disabled={isBusy} onClick={replay}>
            {w.replay}
          </Button>
        </div>
      ) : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}

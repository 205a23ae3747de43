"use client";
// amoCRM: which of the account's deal fields each UTM tag, the referrer and each click id is read
// from, several per key in order (the first with a value wins). The fields are read from amoCRM only
// when the admin opens the form; saving (PUT …/field-mapping) starts a full re-read whose progress
// the sync panel below shows.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import type { Locale } from "@/lib/format";
import { TRAFFIC_KEYS, type TrafficKey } from "@/lib/connectors/amocrm/field-mapping";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import type { FieldMappingView } from "@/lib/sources/field-mapping";
import { callApi } from "@/lib/api/call-api";

type Props = { sourceId: string; t: SourcesMessages; locale: Locale };
type Mapping = Record<TrafficKey, number[]>;

export function FieldMappingForm({ sourceId, t, locale }: Props) {
  const [isOpen, setOpen] = useState(false);
  const view = useQuery({
    queryKey: ["field-mapping", sourceId],
    queryFn: () => callApi<FieldMappingView>(`/api/sources/${sourceId}/field-mapping`),
    enabled: isOpen,
    staleTime: Infinity, // one read of the account's fields per opening: amoCRM's limits are shared
  });
  return (
    <details className="mt-4" data-testid="field-mapping" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-900">{t.fieldMapping.title}</summary>
      <p className="mt-1 text-xs text-slate-500">{t.fieldMapping.intro}</p>
      {view.isPending && isOpen ? <p className="mt-2 text-sm text-slate-500">{t.fieldMapping.loading}</p> : null}
      {view.error ? <Alert tone="error">{fill(t.error, { message: describeError(view.error, locale) })}</Alert> : null}
      {view.data ? <MappingRows key={view.dataUpdatedAt} sourceId={sourceId} view={view.data} t={t} locale={locale} /> : null}
    </details>
  );
}

function MappingRows({ sourceId, view, t, locale }: Props & { view: FieldMappingView }) {
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<Mapping>(view.mapping);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isSaving, setSaving] = useState(false);
  const choose = (key: TrafficKey, slot: number, value: string) => {
    const ids = [...mapping[key]];
    if (value === "") ids.splice(slot, 1);
    else ids[slot] = Number(value);
    setMapping({ ...mapping, [key]: [...new Set(ids)] });
  };
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A key left on its default is not sent: it stays read by its tracking code.
    const same = (a: number[], b: number[]) => a.length === b.length && a.every((id, i) => id === b[i]);
    const changed = TRAFFIC_KEYS.filter((key) => !(view.defaultKeys.includes(key) && same(mapping[key], view.mapping[key])));
    setSaving(true);
    try {
      await callApi(`/api/sources/${sourceId}/field-mapping`, { method: "PUT", body: { mapping: Object.fromEntries(changed.map((key) => [key, mapping[key]])) } });
      setMessage({ tone: "success", text: t.fieldMapping.saved });
      void queryClient.invalidateQueries({ queryKey: ["sync-runs", sourceId] });
    } catch (e) {
      setMessage({ tone: "error", text: fill(t.error, { message: describeError(e, locale) }) });
    } finally {
      setSaving(false);
    }
  }
  return (
    <form onSubmit={save} className="mt-3 space-y-2">
      {TRAFFIC_KEYS.map((key) => (
        <div key={key} className="flex flex-wrap items-center gap-2 text-sm" data-testid={`mapping-${key}`}>
          <span className="min-w-28 font-mono text-slate-700">{key}</span>
          {/* The chosen fields in order, then one empty slot to add another. */}
          {[...mapping[key], null].map((id, slot) => (
            <Select key={`${slot}:${id ?? ""}`} aria-label={`${key} ${slot + 1}`} value={id === null ? "" : String(id)} onChange={(event) => choose(key, slot, event.target.value)}>
              <option value="">{id === null && slot > 0 ? t.fieldMapping.add : t.fieldMapping.none}</option>
              {view.fields.map((field) => (
                <option key={field.id} value={field.id}>
                  {field.code ? `${field.name} (${field.code})` : field.name}
                </option>
              ))}
            </Select>
          ))}
          {view.defaultKeys.includes(key) ? <span className="text-xs text-slate-400">{t.fieldMapping.isDefault}</span> : null}
        </div>
      ))}
      <Button type="submit" variant="secondary" disabled={isSaving}>
        {t.fieldMapping.save}
      </Button>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
    </form>
  );
}

"use client";
// A shop's «Order statuses to the shop»: where statuses go (the shop's callback URL or a Bitrix24
// store), how a deal names its order, and per CRM stage the shop status it maps to — saved with
// PUT /api/sources/<id>/shop-status through useApiForm — with the history of statuses sent below
// (docs/shop-status.md). Read when the admin opens it; a store's statuses come from its portal.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { describeError, errorText } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import { shopStatusMessages, type ShopStatusMessages } from "@/lib/i18n/shop-status-messages";
import type { NamedStoreStatus, NamedStoreStatuses } from "@/lib/shop-status/status-names";
import type { PipelineChoice, StoreChoice } from "@/lib/shop-status/stores";
import { ShopStatusHistory } from "./shop-status-history";

type Settings = { isEnabled: boolean; callbackUrl: string; storeSourceId: string | null; linkField: string | null; mappings: Record<string, string> };
type Choices = { pipelines: PipelineChoice[]; stores: StoreChoice[] };
type Props = { sourceId: string; locale: Locale; timezone: string };

export function ShopStatusSection({ sourceId, locale, timezone }: Props) {
  const t = shopStatusMessages[locale];
  const [isOpen, setOpen] = useState(false);
  const loaded = useQuery({
    queryKey: ["shop-status", sourceId],
    queryFn: async () => {
      const [settings, choices] = await Promise.all([callApi<Settings>(`/api/sources/${sourceId}/shop-status`), callApi<Choices>(`/api/sources/${sourceId}/shop-status/choices`)]);
      return { settings, choices };
    },
    enabled: isOpen,
  });
  return (
    <details className="mt-4" data-testid="shop-status" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-medium text-slate-900">{t.form.title}</summary>
      <p className="mt-1 text-xs text-slate-500">{t.form.intro}</p>
      {loaded.isPending && isOpen ? <p className="mt-2 text-sm text-slate-500">{t.form.loading}</p> : null}
      {loaded.error ? <Alert tone="error">{fill(t.error, { message: describeError(loaded.error, locale) })}</Alert> : null}
      {loaded.data ? <ShopStatusForm key={loaded.dataUpdatedAt} sourceId={sourceId} locale={locale} t={t} {...loaded.data} /> : null}
      {isOpen ? <ShopStatusHistory sourceId={sourceId} locale={locale} timezone={timezone} /> : null}
    </details>
  );
}

function ShopStatusForm({ sourceId, locale, t, settings, choices }: { sourceId: string; locale: Locale; t: ShopStatusMessages; settings: Settings; choices: Choices }) {
  const f = t.form;
  const [storeId, setStoreId] = useState(settings.storeSourceId ?? "");
  const [isByField, setByField] = useState(settings.linkField !== null);
  const statuses = useQuery({
    queryKey: ["shop-store-statuses", sourceId, storeId, locale],
    queryFn: () => callApi<NamedStoreStatuses>(`/api/sources/${sourceId}/shop-status/store-statuses?store=${storeId}&lang=${locale}`),
    enabled: storeId !== "",
    staleTime: Infinity, // one read of the portal per choice: its limits are shared with the sync
  });
  const form = useApiForm({
    send: (data: FormData) =>
      callApi<Settings>(`/api/sources/${sourceId}/shop-status`, {
        method: "PUT",
        body: {
          isEnabled: data.get("isEnabled") === "on",
          storeSourceId: storeId || null,
          callbackUrl: storeId ? "" : String(data.get("callbackUrl") ?? "").trim(),
          linkField: isByField ? String(data.get("linkField") ?? "") : null,
          mappings: Object.fromEntries(
            [...data.entries()].filter(([name, value]) => name.startsWith("status:") && String(value).trim() !== "").map(([name, value]) => [name.slice("status:".length), String(value).trim()]),
          ),
        },
      }),
    locale,
    fields: f.errors,
    saved: () => f.saved,
  });
  const errors = form.fieldErrors;
  const id = (name: string) => `shop-status-${name}-${sourceId}`;
  // The portal's own name in the viewer's language, with the id the status is saved as.
  const statusLabel = (status: NamedStoreStatus) => (status.name ? `${status.name} (${status.id})` : status.id);
  const namesFailure = statuses.data?.namesFailure;

  return (
    <form onSubmit={form.onSubmit} className="mt-3 space-y-4" data-testid="shop-status-form">
      <label className="flex items-center gap-2 text-sm text-slate-900">
        <input type="checkbox" name="isEnabled" defaultChecked={settings.isEnabled} />
        {f.enabled}
      </label>
      <Field label={f.target} htmlFor={id("target")} hint={storeId ? f.storeHint : undefined}>
        <Select id={id("target")} value={storeId} onChange={(event) => setStoreId(event.target.value)} {...errorProps(id("target"), errors.storeSourceId)}>
          <option value="">{f.targetCallback}</option>
          {choices.stores.map((store) => (
            <option key={store.id} value={store.id}>
              {fill(f.targetStore, { name: store.name })}
            </option>
          ))}
        </Select>
        <FieldError id={id("target")} message={errors.storeSourceId} />
      </Field>
      {storeId ? null : (
        <Field label={f.callbackUrl} htmlFor={id("url")} hint={errors.callbackUrl ? undefined : f.callbackUrlHint}>
          <Input id={id("url")} name="callbackUrl" type="text" inputMode="url" maxLength={2000} defaultValue={settings.callbackUrl} {...errorProps(id("url"), errors.callbackUrl)} />
          <FieldError id={id("url")} message={errors.callbackUrl} />
        </Field>
      )}
      <fieldset className="space-y-1 text-sm">
        <legend className="font-medium text-slate-700">{f.link}</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="linkMode" className="mt-1" checked={!isByField} onChange={() => setByField(false)} />
          {f.linkTitle}
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="linkMode" className="mt-1" checked={isByField} onChange={() => setByField(true)} />
          {f.linkField}
        </label>
        {isByField ? (
          <Field label={f.linkFieldName} htmlFor={id("field")} hint={errors.linkField ? undefined : f.linkFieldHint}>
            <Input id={id("field")} name="linkField" maxLength={200} required defaultValue={settings.linkField ?? ""} {...errorProps(id("field"), errors.linkField)} />
            <FieldError id={id("field")} message={errors.linkField} />
          </Field>
        ) : null}
      </fieldset>
      <fieldset className="space-y-3 text-sm" {...errorProps(id("mappings"), errors.mappings)}>
        <legend className="font-medium text-slate-700">{f.mappings}</legend>
        <p className="text-xs text-slate-500">{f.mappingsHint}</p>
        {choices.pipelines.length === 0 ? <p className="text-xs text-slate-500">{f.noPipelines}</p> : null}
        {storeId && statuses.isPending ? <p className="text-xs text-slate-500">{f.statusesLoading}</p> : null}
        {statuses.error ? <Alert tone="error">{fill(t.error, { message: describeError(statuses.error, locale) })}</Alert> : null}
        {namesFailure ? (
          <p className="text-xs text-amber-700" data-testid="shop-status-names-failure">
            {errorText(locale, namesFailure)} <span translate="no">{namesFailure.details}</span>
          </p>
        ) : null}
        {choices.pipelines.map((pipeline) => (
          <div key={pipeline.id} className="space-y-1" data-testid="shop-status-pipeline">
            <p className="text-xs font-medium text-slate-600">
              {pipeline.sourceName} · {pipeline.name}
            </p>
            {pipeline.stages.map((stage) => {
              const current = settings.mappings[stage.id] ?? "";
              const label = `${pipeline.name}: ${stage.name}`;
              return (
                <div key={stage.id} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <label htmlFor={id(stage.id)} className="min-w-0 flex-1 basis-40 text-slate-700">
                    {stage.name}
                  </label>
                  {storeId ? (
                    <Select id={id(stage.id)} name={`status:${stage.id}`} aria-label={label} className="sm:max-w-56" defaultValue={current} key={`${storeId}:${statuses.dataUpdatedAt}`}>
                      <option value="">{f.none}</option>
                      {current && !statuses.data?.statuses.some((s) => s.id === current) ? <option value={current}>{current}</option> : null}
                      {(statuses.data?.statuses ?? []).map((status) => (
                        <option key={status.id} value={status.id}>
                          {statusLabel(status)}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input id={id(stage.id)} name={`status:${stage.id}`} aria-label={label} className="sm:max-w-56" maxLength={100} placeholder={f.statusCode} defaultValue={current} />
                  )}
                </div>
              );
            })}
          </div>
        ))}
        <FieldError id={id("mappings")} message={errors.mappings} />
      </fieldset>
      <FormAlert state={form.outcome} />
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? f.saving : f.save}
      </Button>
    </form>
  );
}

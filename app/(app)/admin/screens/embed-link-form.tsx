"use client";
// POST /api/embed-links: one dashboard (or a saved built report, by its view id) and how many days its
// address works; the address is shown here and stays in the list below until it expires or is revoked.
import { FormAlert } from "@/components/admin/form-alert";
import { FieldError, errorProps } from "@/components/admin/field-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import { MAX_EMBED_DAYS } from "@/lib/displays/limits";
import type { Locale } from "@/lib/format";
import type { DisplayMessages } from "@/lib/i18n/display-messages";
import { SAVED_VIEW_DASHBOARDS } from "@/lib/saved-views/dashboards";

const VIEW_PREFIX = "view:";

export function EmbedLinkForm({ t, locale, builtReports }: { t: DisplayMessages; locale: Locale; builtReports: { id: string; name: string }[] }) {
  const target = (value: string) => (value.startsWith(VIEW_PREFIX) ? { viewId: value.slice(VIEW_PREFIX.length) } : { dashboard: value });
  const form = useApiForm({
    send: (data: FormData) => callApi<{ url: string }>("/api/embed-links", { body: { name: data.get("name"), ...target(String(data.get("dashboard"))), days: Number(data.get("days")) } }),
    locale,
    fields: { name: t.admin.nameRequired },
    resetOnSave: true,
  });
  const error = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="embed-link-form" noValidate>
      {form.result ? (
        <Alert tone="success">
          <p className="font-medium">{t.admin.embedCreated}</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid="embed-url">
            {form.result.url}
          </code>
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t.admin.name} htmlFor="embed-name">
          <Input id="embed-name" name="name" maxLength={100} required {...errorProps("embed-name", error("name"))} />
          <FieldError id="embed-name" message={error("name")} />
        </Field>
        <Field label={t.admin.dashboard} htmlFor="embed-dashboard">
          <Select id="embed-dashboard" name="dashboard" defaultValue="overview">
            {SAVED_VIEW_DASHBOARDS.map((dashboard) => (
              <option key={dashboard} value={dashboard}>
                {t.dashboards[dashboard]}
              </option>
            ))}
            {builtReports.length ? (
              <optgroup label={t.admin.builtReports}>
                {builtReports.map((view) => (
                  <option key={view.id} value={`${VIEW_PREFIX}${view.id}`}>
                    {view.name}
                  </option>
                ))}
              </optgroup>
            ) : null}
          </Select>
        </Field>
        <Field label={t.admin.days} htmlFor="embed-days">
          <Input id="embed-days" name="days" type="number" min={1} max={MAX_EMBED_DAYS} defaultValue={30} {...errorProps("embed-days", error("days"))} />
          <FieldError id="embed-days" message={error("days")} />
        </Field>
      </div>
      <Button type="submit" disabled={form.isPending}>
        {t.admin.create}
      </Button>
      <FormAlert state={form.outcome} />
    </form>
  );
}

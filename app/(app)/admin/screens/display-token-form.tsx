"use client";
// POST /api/display-tokens: a name, the dashboards in turn and how long each stays; the screen's
// address (with its token) is shown once, here, and never again.
import { FormAlert } from "@/components/admin/form-alert";
import { FieldError, errorProps } from "@/components/admin/field-error";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import { MAX_ROTATE_SECONDS, MIN_ROTATE_SECONDS } from "@/lib/displays/limits";
import type { Locale } from "@/lib/format";
import type { DisplayMessages } from "@/lib/i18n/display-messages";
import { SAVED_VIEW_DASHBOARDS } from "@/lib/saved-views/dashboards";

export function DisplayTokenForm({ t, locale }: { t: DisplayMessages; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) =>
      callApi<{ token: string }>("/api/display-tokens", { body: { name: data.get("name"), dashboards: data.getAll("dashboards"), rotateSeconds: Number(data.get("rotateSeconds")) } }),
    locale,
    fields: { name: t.admin.nameRequired, dashboards: t.admin.pickDashboard },
    resetOnSave: true,
  });
  const error = (field: string) => form.fieldErrors[field];
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="display-token-form" noValidate>
      {form.result ? (
        <Alert tone="success">
          <p className="font-medium">{t.admin.createdOnce}</p>
          <code className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid="tv-url">
            {`${window.location.origin}/tv?token=${form.result.token}`}
          </code>
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t.admin.name} htmlFor="display-name">
          <Input id="display-name" name="name" maxLength={100} placeholder={t.admin.namePlaceholder} required {...errorProps("display-name", error("name"))} />
          <FieldError id="display-name" message={error("name")} />
        </Field>
        <Field label={t.admin.rotate} htmlFor="display-rotate">
          <Input id="display-rotate" name="rotateSeconds" type="number" min={MIN_ROTATE_SECONDS} max={MAX_ROTATE_SECONDS} defaultValue={30} {...errorProps("display-rotate", error("rotateSeconds"))} />
          <FieldError id="display-rotate" message={error("rotateSeconds")} />
        </Field>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-700">{t.admin.dashboards}</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {SAVED_VIEW_DASHBOARDS.map((dashboard) => (
            <label key={dashboard} className="flex items-center gap-2">
              <input type="checkbox" name="dashboards" value={dashboard} defaultChecked={dashboard === "overview"} /> {t.dashboards[dashboard]}
            </label>
          ))}
        </div>
        <FieldError id="display-dashboards" message={error("dashboards") ?? error("dashboards.0")} />
      </fieldset>
      <Button type="submit" disabled={form.isPending}>
        {t.admin.create}
      </Button>
      <FormAlert state={form.outcome} />
    </form>
  );
}

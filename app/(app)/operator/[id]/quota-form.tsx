"use client";
// The operator's quota overrides of one organisation: PATCH /api/operator/organisations/<id>
// {"quotas": {...}}, an empty field sent as null (back to the default).
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import { formatNumber, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { HostedMessages } from "@/lib/i18n/hosted-messages";

type Quotas = { sources: number; users: number; deals: number };
type Overrides = { [K in keyof Quotas]: number | null };
const KINDS = ["sources", "users", "deals"] as const;

/** What was typed: empty → null (the default); anything else as a number, for the API to judge. */
function quotaOf(data: FormData, kind: keyof Quotas): number | null {
  const value = String(data.get(kind) ?? "").trim();
  return value === "" ? null : Number(value);
}

export function QuotaForm({ orgId, overrides, defaults, t, locale }: { orgId: string; overrides: Overrides; defaults: Quotas; t: HostedMessages["operator"]; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) => callApi(`/api/operator/organisations/${orgId}`, { method: "PATCH", body: { quotas: Object.fromEntries(KINDS.map((kind) => [kind, quotaOf(data, kind)])) } }),
    locale,
    // The API names a bad value "quotas.deals" and the like: shown beside the three fields.
    fields: { quotas: t.quotasInvalid },
    saved: () => t.quotasSaved,
  });
  const error = form.fieldErrors.quotas;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="operator-quota-form">
      <FormAlert state={form.outcome} />
      <p className="text-sm text-slate-500">{t.quotasIntro}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {KINDS.map((kind) => (
          <Field key={kind} label={t[kind]} htmlFor={`quota-${kind}`} hint={fill(t.quotaDefault, { value: formatNumber(defaults[kind], locale) })}>
            <Input id={`quota-${kind}`} name={kind} type="number" inputMode="numeric" min={0} max={100_000_000} step={1} defaultValue={overrides[kind] ?? ""} {...errorProps("quota-fields", error)} />
          </Field>
        ))}
      </div>
      <FieldError id="quota-fields" message={error} />
      <Button type="submit" variant="secondary" disabled={form.isPending}>
        {t.saveQuotas}
      </Button>
    </form>
  );
}

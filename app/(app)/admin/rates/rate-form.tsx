"use client";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { DateField } from "@/components/dashboard/date-field";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { dashboardMessages } from "@/lib/i18n/dashboard-messages";
import { fill } from "@/lib/i18n/fill";
import type { RatesMessages } from "@/lib/i18n/rates-messages";

type Saved = { rate: { currency: string; day: string }; created: boolean; dealsRevalued: number };

/** Adds a rate, or replaces the rate of a day (POST /api/exchange-rates); "Edit" in the list fills it in through the URL. */
export function RateForm({ t, base, initial, currencies, locale }: { t: RatesMessages; base: string; initial: { currency: string; day: string; rate: string }; currencies: string[]; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) => callApi<Saved>("/api/exchange-rates", { body: { currency: data.get("currency"), day: data.get("day"), rate: data.get("rate") } }),
    locale,
    fields: { currency: fill(t.errors.currency, { base }), day: t.errors.day, rate: t.errors.rate },
    saved: ({ rate, created, dealsRevalued }) => fill(created ? t.form.added : t.form.updated, { currency: rate.currency, day: rate.day, deals: dealsRevalued }),
    resetOnSave: true,
  });
  const error = form.fieldErrors;
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" data-testid="rate-form">
      <FormAlert state={form.outcome} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1">
          <Field label={t.form.currency} htmlFor="rate-currency" hint={t.form.currencyHint}>
            <Input id="rate-currency" name="currency" required maxLength={3} list="rate-currencies" autoCapitalize="characters" defaultValue={initial.currency} {...errorProps("rate-currency", error.currency)} />
          </Field>
          <datalist id="rate-currencies">
            {currencies.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
          <FieldError id="rate-currency" message={error.currency} />
        </div>
        <div className="space-y-1">
          <Field label={t.form.day} htmlFor="rate-day">
            <DateField key={initial.day} id="rate-day" name="day" defaultValue={initial.day} locale={locale} labels={dashboardMessages[locale].filters.calendar} inputProps={{ required: true, ...errorProps("rate-day", error.day) }} />
          </Field>
          <FieldError id="rate-day" message={error.day} />
        </div>
        <div className="space-y-1">
          <Field label={t.form.rate.replace("{base}", base)} htmlFor="rate-rate" hint={t.form.rateHint}>
            <Input id="rate-rate" name="rate" required inputMode="decimal" defaultValue={initial.rate} {...errorProps("rate-rate", error.rate)} />
          </Field>
          <FieldError id="rate-rate" message={error.rate} />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={form.isPending}>
          {form.isPending ? t.form.submitting : t.form.submit}
        </Button>
        <p className="text-xs text-slate-500">{t.form.hint}</p>
      </div>
    </form>
  );
}

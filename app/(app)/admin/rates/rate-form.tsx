"use client";
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { RatesMessages } from "@/lib/i18n/rates-messages";
import type { FormState } from "../form-state";
import { setRateAction } from "./actions";

/** Adds a rate, or replaces the rate of a day; "Edit" in the list fills it in through the URL. */
export function RateForm({ t, base, initial, currencies }: { t: RatesMessages["form"]; base: string; initial: { currency: string; day: string; rate: string }; currencies: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setRateAction, {});
  const values = state.status === "error" && state.values ? state.values : initial;
  const error = state.fieldErrors ?? {};
  return (
    // a new key after each save puts the submitted values back or clears them, as the URL says
    <form action={action} className="space-y-4" data-testid="rate-form" key={state.status === "success" ? state.message : "form"}>
      <FormAlert state={state} />
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="space-y-1">
          <Field label={t.currency} htmlFor="rate-currency" hint={t.currencyHint}>
            <Input id="rate-currency" name="currency" required maxLength={3} list="rate-currencies" autoCapitalize="characters" defaultValue={values.currency} {...errorProps("rate-currency", error.currency)} />
          </Field>
          <datalist id="rate-currencies">
            {currencies.map((code) => (
              <option key={code} value={code} />
            ))}
          </datalist>
          <FieldError id="rate-currency" message={error.currency} />
        </div>
        <div className="space-y-1">
          <Field label={t.day} htmlFor="rate-day">
            <Input id="rate-day" name="day" type="date" required defaultValue={values.day} {...errorProps("rate-day", error.day)} />
          </Field>
          <FieldError id="rate-day" message={error.day} />
        </div>
        <div className="space-y-1">
          <Field label={t.rate.replace("{base}", base)} htmlFor="rate-rate" hint={t.rateHint}>
            <Input id="rate-rate" name="rate" required inputMode="decimal" defaultValue={values.rate} {...errorProps("rate-rate", error.rate)} />
          </Field>
          <FieldError id="rate-rate" message={error.rate} />
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t.submitting : t.submit}
        </Button>
        <p className="text-xs text-slate-500">{t.hint}</p>
      </div>
    </form>
  );
}

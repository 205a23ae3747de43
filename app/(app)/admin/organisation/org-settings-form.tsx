"use client";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { OrgSettings } from "@/lib/org/settings";
import type { Option } from "./options";

type Props = {
  settings: Omit<OrgSettings, "id">;
  options: { baseCurrency: Option[]; timezone: Option[]; country: Option[] };
  t: AdminMessages["org"];
  errors: AdminMessages["errors"]["fields"];
  saving: string;
  locale: Locale;
};

const fieldNames = ["name", "baseCurrency", "timezone", "locale", "country"] as const;

/** The organisation's name, currency, zone, language and country, saved with PATCH /api/org. */
export function OrgSettingsForm({ settings, options, t, errors: texts, saving, locale }: Props) {
  const form = useApiForm({
    send: (data: FormData) => callApi("/api/org", { method: "PATCH", body: Object.fromEntries(fieldNames.map((name) => [name, data.get(name)])) }),
    locale,
    fields: { name: texts.orgName, baseCurrency: texts.baseCurrency, timezone: texts.timezone, locale: texts.locale, country: texts.country },
    saved: () => t.saved,
  });
  const errors = form.fieldErrors;
  // The saved settings, fresh after each save; after a refusal the controls keep what was chosen.
  const value: Record<keyof Props["settings"], string> = settings;
  const locales: Option[] = [
    { value: "ru", label: t.languages.ru },
    { value: "en", label: t.languages.en },
  ];
  const select = (name: "baseCurrency" | "timezone" | "locale" | "country", label: string, choices: Option[], hint?: string) => {
    const id = `org-${name}`;
    return (
      <Field label={label} htmlFor={id} hint={errors[name] ? undefined : hint}>
        {/* Keyed by the value to show: React applies a select's defaultValue only when it mounts. */}
        <Select key={value[name]} id={id} name={name} defaultValue={value[name]} {...errorProps(id, errors[name])}>
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </Select>
        <FieldError id={id} message={errors[name]} />
      </Field>
    );
  };
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" data-testid="org-settings-form">
      <FormAlert state={form.outcome} />
      <Field label={t.name} htmlFor="org-name">
        <Input id="org-name" name="name" required maxLength={200} defaultValue={value.name} {...errorProps("org-name", errors.name)} />
        <FieldError id="org-name" message={errors.name} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        {select("baseCurrency", t.baseCurrency, options.baseCurrency, t.currencyHint)}
        {select("timezone", t.timezone, options.timezone, t.timezoneHint)}
        {select("locale", t.locale, locales, t.localeHint)}
        {select("country", t.country, options.country)}
      </div>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? saving : t.save}
      </Button>
    </form>
  );
}

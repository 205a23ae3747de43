"use client";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { AiSettings } from "@/lib/ai/settings";
import type { Locale } from "@/lib/format";
import type { AiMessages } from "@/lib/i18n/ai-messages";

/** The organisation's opt-in and monthly token budget (PUT /api/ai/settings). */
export function AiSettingsForm({ values, t, locale }: { values: AiSettings; t: AiMessages; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) =>
      callApi<{ settings: AiSettings }>("/api/ai/settings", { method: "PUT", body: { isAnalysisEnabled: data.get("isAnalysisEnabled") === "on", monthlyTokenBudget: data.get("monthlyTokenBudget"), riskQuietDays: data.get("riskQuietDays") } }),
    locale,
    fields: { monthlyTokenBudget: t.form.budgetInvalid, riskQuietDays: t.form.riskDaysInvalid },
    saved: () => t.form.saved,
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" data-testid="ai-settings-form">
      <FormAlert state={form.outcome} />
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="isAnalysisEnabled" defaultChecked={values.isAnalysisEnabled} className="mt-0.5 h-4 w-4" />
        <span>
          <span className="font-medium text-slate-800">{t.form.enabled}</span>
          <span className="block text-slate-500">{t.form.enabledHint}</span>
        </span>
      </label>
      <div className="max-w-xs space-y-1">
        <Field label={t.form.budget} htmlFor="ai-budget" hint={t.form.budgetHint}>
          <Input id="ai-budget" name="monthlyTokenBudget" type="number" min={0} step={1} required defaultValue={values.monthlyTokenBudget} {...errorProps("ai-budget", form.fieldErrors.monthlyTokenBudget)} />
        </Field>
        <FieldError id="ai-budget" message={form.fieldErrors.monthlyTokenBudget} />
      </div>
      <div className="max-w-xs space-y-1">
        <Field label={t.form.riskDays} htmlFor="ai-risk-days" hint={t.form.riskDaysHint}>
          <Input id="ai-risk-days" name="riskQuietDays" type="number" min={1} max={365} step={1} required defaultValue={values.riskQuietDays} {...errorProps("ai-risk-days", form.fieldErrors.riskQuietDays)} />
        </Field>
        <FieldError id="ai-risk-days" message={form.fieldErrors.riskQuietDays} />
      </div>
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? t.form.saving : t.form.save}
      </Button>
    </form>
  );
}

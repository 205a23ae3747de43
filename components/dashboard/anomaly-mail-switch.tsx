"use client";
// The viewer's own switch for anomaly e-mails, under the Attention panel (admins and directors: managers
// get none). It reads and saves GET/PUT /api/anomalies/email-preference, and says when the company's
// switch or a missing mail server stops the messages whatever it says.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { formDataOf, useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { AnomalyMailPreference } from "@/lib/anomalies/mail-preference";
import type { Locale } from "@/lib/format";
import type { AnomalyMessages } from "@/lib/i18n/anomaly-messages";

const URL = "/api/anomalies/email-preference";

export function AnomalyMailSwitch({ locale, t }: { locale: Locale; t: AnomalyMessages["mail"] }) {
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: [URL], queryFn: () => callApi<AnomalyMailPreference>(URL), retry: 1 });
  const form = useApiForm({
    send: (values) => callApi<AnomalyMailPreference>(URL, { method: "PUT", body: { enabled: values.get("enabled") === "true" } }),
    locale,
    onSaved: (saved) => queryClient.setQueryData([URL], saved),
  });
  if (!data) return null;
  // While a save is on its way the box shows what was asked for (a refusal puts the stored value back).
  const checked = form.isPending ? !data.enabled : data.enabled;
  const blocked = data.blockedBy === "organisation" ? t.organisationOff : data.blockedBy === "no_smtp" ? t.noSmtp : null;
  return (
    <div className="mt-3 border-t border-slate-100 pt-3 text-sm" data-testid="anomaly-mail-switch">
      <label className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-0.5"
          checked={checked}
          disabled={form.isPending}
          onChange={(event) => form.run(formDataOf({ enabled: String(event.target.checked) }))}
        />
        <span>{t.label}</span>
      </label>
      {form.isPending ? (
        <p className="mt-1 text-xs text-slate-500" role="status">
          {t.saving}
        </p>
      ) : null}
      {blocked ? <p className="mt-1 text-xs text-slate-500">{blocked}</p> : null}
      {form.outcome.message ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {t.failed}: {form.outcome.message}
        </p>
      ) : null}
    </div>
  );
}

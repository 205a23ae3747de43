"use client";
// The notification settings: on/off, the bot token (only "set" or "not set" is ever shown), the
// fallback chat and the template, previewed live on a sample deal with the renderer the worker uses.
// Saved with PUT /api/notifications/settings.
import { useState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { errorText } from "@/lib/i18n/describe-error";
import type { NotificationsMessages } from "@/lib/i18n/notifications-messages";
import type { NotificationSettingsView } from "@/lib/notifications/settings";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, renderSaleMessage, SAMPLE_SALE, TEMPLATE_MAX_LENGTH } from "@/lib/notifications/template";

type Props = { settings: NotificationSettingsView; orgLocale: Locale; locale: Locale; t: NotificationsMessages };

export function NotificationSettingsForm({ settings, orgLocale, locale, t }: Props) {
  const [template, setTemplate] = useState(settings.template ?? DEFAULT_TEMPLATES[orgLocale]);
  const [replacing, setReplacing] = useState(false);
  const form = useApiForm({
    send: (data: FormData) =>
      callApi("/api/notifications/settings", {
        method: "PUT",
        body: {
          isEnabled: data.get("isEnabled") === "on",
          botToken: String(data.get("botToken") ?? ""),
          clearBotToken: data.get("clearBotToken") === "on",
          fallbackChatId: String(data.get("fallbackChatId") ?? ""),
          template: String(data.get("template") ?? ""),
          anomalyEmails: data.get("anomalyEmails") === "on",
        },
      }),
    locale,
    // isEnabled is refused only by bot_token_required, shown in that code's words beside the switch.
    fields: { isEnabled: errorText(locale, { code: "bot_token_required" }), botToken: t.errors.botToken, fallbackChatId: t.errors.fallbackChatId, template: t.errors.templateLength },
    saved: () => t.saved,
    onSaved: () => setReplacing(false),
  });
  const errors = form.fieldErrors;
  const showTokenInput = replacing || !settings.hasBotToken;
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" data-testid="notification-settings-form">
      <FormAlert state={form.outcome} />
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="isEnabled" defaultChecked={settings.isEnabled} {...errorProps("notify-enabled", errors.isEnabled)} />
          {t.enabled}
        </label>
        <FieldError id="notify-enabled" message={errors.isEnabled} />
      </div>

      <Field label={t.botToken} htmlFor="notify-token" hint={errors.botToken ? undefined : t.botTokenHint}>
        <p className="text-sm" data-testid="bot-token-status">
          {settings.hasBotToken ? t.botTokenSet : t.botTokenNotSet}
          {!showTokenInput ? (
            <button type="button" className="ml-3 text-brand-600 hover:underline" onClick={() => setReplacing(true)}>
              {t.botTokenReplace}
            </button>
          ) : null}
        </p>
        {showTokenInput ? (
          <Input id="notify-token" name="botToken" type="password" autoComplete="off" placeholder={t.botTokenNew} {...errorProps("notify-token", errors.botToken)} />
        ) : null}
        <FieldError id="notify-token" message={errors.botToken} />
        {settings.hasBotToken ? (
          <label className="flex items-center gap-2 text-sm text-slate-600">
            <input type="checkbox" name="clearBotToken" /> {t.botTokenClear}
          </label>
        ) : null}
      </Field>

      <Field label={t.fallbackChat} htmlFor="notify-fallback" hint={errors.fallbackChatId ? undefined : t.fallbackChatHint}>
        <Input
          id="notify-fallback"
          name="fallbackChatId"
          maxLength={64}
          defaultValue={settings.fallbackChatId ?? ""}
          {...errorProps("notify-fallback", errors.fallbackChatId)}
        />
        <FieldError id="notify-fallback" message={errors.fallbackChatId} />
      </Field>

      <div className="grid gap-4 lg:grid-cols-2">
        <Field label={t.template} htmlFor="notify-template">
          <textarea
            id="notify-template"
            name="template"
            rows={8}
            maxLength={TEMPLATE_MAX_LENGTH}
            value={template}
            onChange={(event) => setTemplate(event.target.value)}
            className="w-full rounded-lg border border-slate-300 px-3 py-2 font-mono text-sm focus:border-brand-500"
            {...errorProps("notify-template", errors.template)}
          />
          <FieldError id="notify-template" message={errors.template} />
          <button type="button" className="text-xs text-brand-600 hover:underline" onClick={() => setTemplate(DEFAULT_TEMPLATES[orgLocale])}>
            {t.resetTemplate}
          </button>
        </Field>
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">{t.preview}</p>
          <pre className="whitespace-pre-wrap rounded-lg bg-slate-50 p-3 text-sm text-slate-800" data-testid="template-preview">
            {renderSaleMessage(template, SAMPLE_SALE, orgLocale)}
          </pre>
          <p className="pt-2 text-xs text-slate-500">{t.templateHint}</p>
          <ul className="text-xs text-slate-600">
            {PLACEHOLDERS.map((name) => (
              <li key={name}>
                <code>{`{${name}}`}</code> — {t.placeholders[name]}
              </li>
            ))}
          </ul>
        </div>
      </div>

      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input type="checkbox" name="anomalyEmails" defaultChecked={settings.anomalyEmails} data-testid="notify-anomaly-emails" />
          {t.anomalyEmails}
        </label>
        <p className="text-xs text-slate-500">{t.anomalyEmailsHint}</p>
      </div>

      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? t.saving : t.save}
      </Button>
    </form>
  );
}

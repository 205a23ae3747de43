"use client";
// "Send test message": to the fallback chat or a team's chat (POST /api/notifications/test), with
// Telegram's own words on failure.
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { NotificationsMessages } from "@/lib/i18n/notifications-messages";
import type { TestMessageResult } from "@/lib/notifications/send-test";

type Props = { teams: { id: string; name: string; chatId: string | null }[]; fallbackChatId: string | null; locale: Locale; t: NotificationsMessages };

/** What the test came to: where it went, or why not (Telegram's words and what to check). */
function testOutcome(result: TestMessageResult, t: NotificationsMessages): { status: "success" | "error"; message: string } {
  if (result.ok) return { status: "success", message: fill(t.testSent, { chat: result.chatId }) };
  if (result.problem !== "telegram") return { status: "error", message: t.testProblems[result.problem] };
  const said = fill(t.telegramSaid, { description: result.description, status: result.status ?? "—", chat: result.chatId });
  const hint = result.status ? t.telegramHints[result.status] : undefined;
  return { status: "error", message: hint ? `${said} ${hint}` : said };
}

export function TestMessageForm({ teams, fallbackChatId, locale, t }: Props) {
  const form = useApiForm({
    send: (data: FormData) => callApi<TestMessageResult>("/api/notifications/test", { body: { target: data.get("target") } }),
    locale,
  });
  // A refused request (a lost connection, say) is said as any form's; a send that failed is the answer.
  const outcome = form.result && !form.outcome.status ? testOutcome(form.result, t) : form.outcome;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="test-message-form">
      <p className="text-sm text-slate-500">{t.testIntro}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64">
          <Field label={t.testTarget} htmlFor="test-target">
            <Select id="test-target" name="target" defaultValue="fallback">
              <option value="fallback">
                {t.testFallback}
                {fallbackChatId ? ` (${fallbackChatId})` : ""}
              </option>
              {teams.map((team) => (
                <option key={team.id} value={team.id}>
                  {team.name} ({team.chatId ?? t.noChat})
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={form.isPending}>
          {form.isPending ? t.testSending : t.testSend}
        </Button>
      </div>
      <FormAlert state={outcome} />
    </form>
  );
}

"use client";
// "Send test message": to the fallback chat or a team's chat, with Telegram's own words on failure.
import { useActionState } from "react";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import type { NotificationsMessages } from "@/lib/i18n/notifications-messages";
import type { FormState } from "../form-state";
import { sendTestMessageAction } from "./actions";

type Props = { teams: { id: string; name: string; chatId: string | null }[]; fallbackChatId: string | null; t: NotificationsMessages };

export function TestMessageForm({ teams, fallbackChatId, t }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(sendTestMessageAction, {});
  return (
    <form action={action} className="space-y-3" data-testid="test-message-form">
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
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t.testSending : t.testSend}
        </Button>
      </div>
      <FormAlert state={state} />
    </form>
  );
}

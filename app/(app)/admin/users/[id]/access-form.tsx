"use client";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";

/** One button that flips whether the user can sign in; the domain refuses it for oneself and the last admin. */
export function AccessForm({ userId, isActive, t, locale }: { userId: string; isActive: boolean; t: AdminMessages["user"]; locale: Locale }) {
  const form = useApiForm({
    send: () => callApi<{ user: { isActive: boolean } }>(`/api/users/${userId}`, { method: "PATCH", body: { isActive: !isActive } }),
    locale,
    saved: ({ user }) => (user.isActive ? t.enabledDone : t.disabledDone),
  });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="access-form">
      <FormAlert state={form.outcome} />
      <Button type="submit" variant={isActive ? "danger" : "primary"} disabled={form.isPending}>
        {isActive ? t.disable : t.enable}
      </Button>
    </form>
  );
}

"use client";
import { useActionState } from "react";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { FormState } from "../../form-state";
import { setUserActiveAction } from "./actions";

/** One button that flips whether the user can sign in; the domain refuses it for oneself and the last admin. */
export function AccessForm({ userId, isActive, t }: { userId: string; isActive: boolean; t: AdminMessages["user"] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setUserActiveAction, {});
  return (
    <form action={action} className="space-y-3" data-testid="access-form">
      <FormAlert state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <Button type="submit" variant={isActive ? "danger" : "primary"} disabled={pending}>
        {isActive ? t.disable : t.enable}
      </Button>
    </form>
  );
}

"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { RatesMessages } from "@/lib/i18n/rates-messages";
import type { FormState } from "../form-state";
import { deleteRateAction } from "./actions";

/** Deletes one rate after a confirmation; the outcome is said beside the button. */
export function DeleteRateButton({ t, rate }: { t: RatesMessages["list"]; rate: { id: string; currency: string; day: string } }) {
  const [state, action, pending] = useActionState<FormState, FormData>(deleteRateAction, {});
  const question = t.confirmDelete.replace("{currency}", rate.currency).replace("{day}", rate.day);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(question)) event.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="id" value={rate.id} />
      <input type="hidden" name="currency" value={rate.currency} />
      <input type="hidden" name="day" value={rate.day} />
      <Button type="submit" variant="ghost" className="px-2 py-1 text-red-700" disabled={pending} aria-label={`${t.delete} ${rate.currency} ${rate.day}`}>
        {pending ? t.deleting : t.delete}
      </Button>
      {state.status === "error" && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

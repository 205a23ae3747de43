"use client";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { RatesMessages } from "@/lib/i18n/rates-messages";

/** Deletes one rate (DELETE /api/exchange-rates/<id>) after a confirmation; a refusal is said beside the button. */
export function DeleteRateButton({ t, rate, locale }: { t: RatesMessages["list"]; rate: { id: string; currency: string; day: string }; locale: Locale }) {
  const form = useApiForm({ send: () => callApi(`/api/exchange-rates/${rate.id}`, { method: "DELETE" }), locale });
  const question = t.confirmDelete.replace("{currency}", rate.currency).replace("{day}", rate.day);
  return (
    <form
      onSubmit={(event) => {
        if (window.confirm(question)) form.onSubmit(event);
        else event.preventDefault();
      }}
      className="inline-flex items-center gap-2"
    >
      <Button type="submit" variant="ghost" className="px-2 py-1 text-red-700" disabled={form.isPending} aria-label={`${t.delete} ${rate.currency} ${rate.day}`}>
        {form.isPending ? t.deleting : t.delete}
      </Button>
      {form.outcome.message ? (
        <span role="alert" className="text-xs text-red-700">
          {form.outcome.message}
        </span>
      ) : null}
    </form>
  );
}

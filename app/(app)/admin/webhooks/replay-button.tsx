"use client";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";

/** One event (POST /api/webhook-events/<id>/replay) or a source's dead ones (…/replay-dead) back into the queue. */
export function ReplayButton({ url, label, isDisabled, variant, locale }: { url: string; label: string; isDisabled: boolean; variant?: "secondary"; locale: Locale }) {
  const form = useApiForm({ send: () => callApi(url, { method: "POST" }), locale });
  return (
    <form onSubmit={form.onSubmit} className="flex items-center gap-2">
      <Button variant={variant} type="submit" disabled={isDisabled || form.isPending}>
        {label}
      </Button>
      {form.outcome.message ? (
        <span role="alert" className="text-xs text-red-700">
          {form.outcome.message}
        </span>
      ) : null}
    </form>
  );
}

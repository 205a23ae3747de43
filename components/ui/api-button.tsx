"use client";
// One button that asks the JSON API to do one thing (delete a rate, revoke a token, replay events):
// after an optional confirmation it sends `method url` through useApiForm, refreshes the page, and
// says a refusal beside itself in the person's language.
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";

type Props = {
  url: string;
  method: "POST" | "PATCH" | "DELETE";
  /** Sent as JSON (a PATCH's change). */
  body?: unknown;
  label: string;
  pendingLabel?: string;
  /** Asked first; "Cancel" sends nothing. */
  confirm?: string;
  isDisabled?: boolean;
  variant?: "secondary" | "ghost";
  className?: string;
  ariaLabel?: string;
  locale: Locale;
};

export function ApiButton({ url, method, body, label, pendingLabel, confirm, isDisabled = false, variant, className, ariaLabel, locale }: Props) {
  const form = useApiForm({ send: () => callApi(url, { method, body }), locale });
  return (
    <form
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
        else form.onSubmit(event);
      }}
      className="inline-flex items-center gap-2"
    >
      <Button type="submit" variant={variant} className={className} disabled={isDisabled || form.isPending} aria-label={ariaLabel}>
        {form.isPending && pendingLabel ? pendingLabel : label}
      </Button>
      {form.outcome.message ? (
        <span role="alert" className="text-xs text-red-700">
          {form.outcome.message}
        </span>
      ) : null}
    </form>
  );
}

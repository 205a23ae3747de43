"use client";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";

/** DELETE /api/tokens/<id>: a script using the token is locked out at once. */
export function RevokeTokenButton({ id, label, locale }: { id: string; label: string; locale: Locale }) {
  const form = useApiForm({ send: () => callApi(`/api/tokens/${id}`, { method: "DELETE" }), locale });
  return (
    <form onSubmit={form.onSubmit} className="inline-flex items-center gap-2">
      {form.outcome.message ? (
        <span role="alert" className="text-xs text-red-700">
          {form.outcome.message}
        </span>
      ) : null}
      <Button variant="ghost" type="submit" disabled={form.isPending}>
        {label}
      </Button>
    </form>
  );
}

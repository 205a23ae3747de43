"use client";
// Deletes one spend row; a refusal (already deleted, no longer an admin…) is said, not swallowed.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";

export function DeleteSpendButton({ id, label, failedText, locale }: { id: string; label: string; failedText: string; locale: Locale }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    start(async () => {
      setError(null);
      try {
        await callApi(`/api/ad-spend/${id}`, { method: "DELETE" });
        router.refresh();
      } catch (e) {
        setError(fill(failedText, { message: describeError(e, locale) }));
      }
    });
  return (
    <>
      <Button variant="ghost" disabled={pending} onClick={remove}>
        {label}
      </Button>
      {error ? (
        <span role="alert" className="block text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}

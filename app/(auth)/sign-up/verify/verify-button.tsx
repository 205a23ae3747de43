"use client";
import Link from "next/link";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { HostedMessages } from "@/lib/i18n/hosted-messages";

export function VerifyButton({ token, t, signIn, locale }: { token: string; t: HostedMessages["verify"]; signIn: string; locale: Locale }) {
  const form = useApiForm({ send: () => callApi("/api/sign-up/verify", { body: { token } }), locale });
  if (form.isSaved) {
    return (
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="sign-up-verified">
        <p className="text-sm">{t.done}</p>
        <Link href="/login" className="mt-3 inline-block text-brand-700 underline">
          {signIn}
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <FormAlert state={form.outcome} />
      <Button type="submit" className="w-full" disabled={form.isPending}>
        {form.isPending ? t.confirming : t.confirm}
      </Button>
    </form>
  );
}

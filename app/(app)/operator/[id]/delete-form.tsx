"use client";
// Deleting an organisation from the operator's page: the name must be typed exactly (the API checks
// it: DELETE /api/operator/organisations/<id> {"confirmName"}), then the list is shown again.
import { useRouter } from "next/navigation";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { HostedMessages } from "@/lib/i18n/hosted-messages";

export function DeleteOrganisationForm({ orgId, name, t, locale }: { orgId: string; name: string; t: HostedMessages["operator"]; locale: Locale }) {
  const router = useRouter();
  const form = useApiForm({
    send: (data: FormData) => callApi(`/api/operator/organisations/${orgId}`, { method: "DELETE", body: { confirmName: String(data.get("confirmName") ?? "") } }),
    locale,
    fields: { confirmName: t.confirmNameInvalid },
    // The organisation is gone: its page with it.
    onSaved: () => router.push("/operator"),
  });
  const error = form.fieldErrors.confirmName;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="operator-delete-form">
      <FormAlert state={form.outcome} />
      <p className="text-sm text-slate-600">{t.deleteWarning}</p>
      <Field label={fill(t.confirmName, { name })} htmlFor="confirm-name">
        <Input id="confirm-name" name="confirmName" required autoComplete="off" {...errorProps("confirm-name", error)} />
        <FieldError id="confirm-name" message={error} />
      </Field>
      <Button type="submit" variant="danger" disabled={form.isPending}>
        {form.isPending ? t.deleting : t.delete}
      </Button>
    </form>
  );
}

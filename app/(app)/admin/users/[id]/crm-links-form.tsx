"use client";
import { FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";
import type { CrmUserSummary } from "@/lib/users/list-crm-users";

type Props = { userId: string; crmUsers: CrmUserSummary[]; t: AdminMessages["user"]; fields: AdminMessages["errors"]["fields"]; saving: string; locale: Locale };

/**
 * Ticks the CRM users this user is (PUT /api/users/<id>/crm-users); one linked to someone else stays
 * tickable so the domain can say why not. After a refusal the boxes keep what was ticked.
 */
export function CrmLinksForm({ userId, crmUsers, t, fields, saving, locale }: Props) {
  const form = useApiForm({
    send: (data: FormData) => callApi(`/api/users/${userId}/crm-users`, { method: "PUT", body: { crmUserIds: data.getAll("crmUserIds") } }),
    locale,
    fields: { crmUserIds: fields.crmUserIds },
    saved: () => t.linksSaved,
  });
  const error = form.fieldErrors.crmUserIds;
  const isTicked = (crmUser: CrmUserSummary) => crmUser.user?.id === userId;
  const linkOf = (crmUser: CrmUserSummary) =>
    !crmUser.user ? t.notLinked : crmUser.user.id === userId ? t.linkedHere : fill(t.linkedTo, { name: crmUser.user.name });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" data-testid="crm-links-form">
      <FormAlert state={form.outcome} />
      <fieldset aria-describedby={error ? "crm-links-error" : undefined}>
        <legend className="sr-only">{t.crmTitle}</legend>
        <ul className="divide-y divide-slate-100">
          {crmUsers.map((crmUser) => (
            <li key={crmUser.id}>
              <label className="flex cursor-pointer items-start gap-3 py-2 text-sm">
                <input type="checkbox" name="crmUserIds" value={crmUser.id} defaultChecked={isTicked(crmUser)} className="mt-1 h-4 w-4 accent-brand-600" />
                <span>
                  <span className="font-medium">{crmUser.name}</span>
                  <span className="block text-xs text-slate-500">
                    {crmUser.source.name} · {linkOf(crmUser)}
                    {crmUser.isActive ? null : ` · ${t.inactiveInCrm}`}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <FieldError id="crm-links" message={error} />
      <Button type="submit" disabled={form.isPending}>
        {form.isPending ? saving : t.saveLinks}
      </Button>
    </form>
  );
}

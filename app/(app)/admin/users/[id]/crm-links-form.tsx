"use client";
import { useActionState } from "react";
import { FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";
import type { CrmUserSummary } from "@/lib/users/list-crm-users";
import type { FormState } from "../../form-state";
import { setCrmLinksAction } from "./actions";

type Props = { userId: string; crmUsers: CrmUserSummary[]; t: AdminMessages["user"]; saving: string };

/** Ticks the CRM users this user is; one linked to someone else stays tickable so the domain can say why not. */
export function CrmLinksForm({ userId, crmUsers, t, saving }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(setCrmLinksAction, {});
  const error = state.fieldErrors?.crmUserIds;
  const isTicked = (crmUser: CrmUserSummary) => (state.selected ? state.selected.includes(crmUser.id) : crmUser.user?.id === userId);
  const linkOf = (crmUser: CrmUserSummary) =>
    !crmUser.user ? t.notLinked : crmUser.user.id === userId ? t.linkedHere : fill(t.linkedTo, { name: crmUser.user.name });
  return (
    <form action={action} className="space-y-3" data-testid="crm-links-form">
      <FormAlert state={state} />
      <input type="hidden" name="userId" value={userId} />
      {/* Remounted after a refusal so the boxes show what was ticked, not what is saved. */}
      <fieldset key={state.selected?.join() ?? "saved"} aria-describedby={error ? "crm-links-error" : undefined}>
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
      <Button type="submit" disabled={pending}>
        {pending ? saving : t.saveLinks}
      </Button>
    </form>
  );
}

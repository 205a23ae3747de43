"use client";
import { useActionState } from "react";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import type { FormState } from "../form-state";
import { createDepartmentAction } from "./actions";

export function CreateDepartmentForm({ t }: { t: AdminMessages["departments"] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createDepartmentAction, {});
  const error = state.fieldErrors?.name;
  return (
    <form action={action} className="space-y-3">
      <FormAlert state={state} />
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label={t.name} htmlFor="department-name">
            <Input id="department-name" name="name" required maxLength={200} defaultValue={state.values?.name} {...errorProps("department-name", error)} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t.create}
        </Button>
      </div>
      <FieldError id="department-name" message={error} />
    </form>
  );
}

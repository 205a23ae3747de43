"use client";
import { errorProps, FieldError } from "@/components/admin/field-error";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { Locale } from "@/lib/format";
import type { AdminMessages } from "@/lib/i18n/admin-messages";
import { fill } from "@/lib/i18n/fill";

/** POST /api/departments. */
export function CreateDepartmentForm({ t, fields, locale }: { t: AdminMessages["departments"]; fields: AdminMessages["errors"]["fields"]; locale: Locale }) {
  const form = useApiForm({
    send: (data: FormData) => callApi<{ department: { name: string } }>("/api/departments", { body: { name: data.get("name") } }),
    locale,
    fields: { name: fields.departmentName },
    saved: ({ department }) => fill(t.created, { name: department.name }),
    resetOnSave: true,
  });
  const error = form.fieldErrors.name;
  return (
    <form onSubmit={form.onSubmit} className="space-y-3">
      <FormAlert state={form.outcome} />
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label={t.name} htmlFor="department-name">
            <Input id="department-name" name="name" required maxLength={200} {...errorProps("department-name", error)} />
          </Field>
        </div>
        <Button type="submit" variant="secondary" disabled={form.isPending}>
          {t.create}
        </Button>
      </div>
      <FieldError id="department-name" message={error} />
    </form>
  );
}

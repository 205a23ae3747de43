"use client";
// «Сохранить вид» in a dashboard's filter bar: names the current filters and saves them as a view —
// private, or shared as far as the role allows (the same permission table the server enforces) —
// optionally pinned to the menu and made the landing page. The menu updates through a refresh.
// On the report builder it saves the built report's whole body (`report`) instead of filters.
import { usePathname, useSearchParams } from "next/navigation";
import { useId, useState } from "react";
import { FormAlert } from "@/components/admin/form-alert";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import { can, type Role } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { savedViewsMessages } from "@/lib/i18n/saved-views-messages";
import type { BuilderBody } from "@/lib/reports/builder/address";
import type { FilterOption } from "@/lib/reports/filter-options";
import { reportQueryString } from "@/lib/reports/report-query";
import { dashboardAt } from "@/lib/saved-views/dashboards";
import type { SavedViewVisibility } from "@/lib/saved-views/schemas";

type Props = { role: Role; locale: Locale; departments: FilterOption[]; report?: BuilderBody };

export function SaveViewButton({ role, locale, departments, report }: Props) {
  const t = savedViewsMessages[locale];
  const id = useId();
  const pathname = usePathname();
  const dashboard = report ? "builder" : dashboardAt(pathname);
  const searchParams = useSearchParams();
  const [isOpen, setIsOpen] = useState(false);
  const [form, setForm] = useState({ name: "", visibility: "private" as SavedViewVisibility, departmentId: "", isPinned: true, isDefault: false });
  const visibilities: SavedViewVisibility[] = ["private", ...(can(role, "views:share-department") ? (["department"] as const) : []), ...(can(role, "views:share-org") ? (["org"] as const) : [])];
  const save = useApiForm({
    send: () =>
      callApi<{ view: { name: string } }>("/api/saved-reports", {
        body: {
          ...form,
          dashboard,
          ...(report ? { report } : { query: reportQueryString(searchParams) }),
          // A director shares with their own department (the server fills it in); an admin picks one.
          departmentId: form.visibility === "department" && form.departmentId ? form.departmentId : undefined,
        },
      }),
    locale,
    labels: { name: t.name, visibility: t.visibility, departmentId: t.department, ...(report ? { report: t.builtReport } : {}) },
    onSaved: () => {
      setIsOpen(false);
      setForm((current) => ({ ...current, name: "" }));
    },
  });
  if (!dashboard) return null;

  return (
    <div className="w-full space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" aria-expanded={isOpen} aria-controls={`${id}-form`} onClick={() => setIsOpen((open) => !open)} data-testid="save-view">
          {report ? t.saveReport : t.save}
        </Button>
        {save.result && !isOpen ? (
          <span role="status" className="text-sm text-emerald-700" data-testid="view-saved">
            {fill(t.saved, { name: save.result.view.name })}
          </span>
        ) : null}
      </div>
      {isOpen ? (
        <form
          id={`${id}-form`}
          aria-label={report ? t.saveReportTitle : t.saveTitle}
          className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3"
          onSubmit={save.onSubmit}
        >
          <FormAlert state={save.outcome} />
          <div className="flex flex-wrap items-end gap-3 [&>*]:min-w-48 [&>*]:flex-1">
            <Field label={t.name} htmlFor={`${id}-name`}>
              <Input id={`${id}-name`} value={form.name} maxLength={100} placeholder={t.namePlaceholder} required autoFocus onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </Field>
            {visibilities.length > 1 ? (
              <Field label={t.visibility} htmlFor={`${id}-visibility`}>
                <Select id={`${id}-visibility`} value={form.visibility} onChange={(e) => setForm({ ...form, visibility: e.target.value as SavedViewVisibility })}>
                  {visibilities.map((visibility) => (
                    <option key={visibility} value={visibility}>
                      {t.visibilities[visibility]}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            {form.visibility === "department" && role === "admin" ? (
              <Field label={t.department} htmlFor={`${id}-department`}>
                <Select id={`${id}-department`} value={form.departmentId} required onChange={(e) => setForm({ ...form, departmentId: e.target.value })}>
                  <option value="" />
                  {departments.map((department) => (
                    <option key={department.id} value={department.id}>
                      {department.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-700">
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={form.isPinned} onChange={(e) => setForm({ ...form, isPinned: e.target.checked })} />
              {t.pin}
            </label>
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" checked={form.isDefault} onChange={(e) => setForm({ ...form, isDefault: e.target.checked })} />
              {t.makeDefault}
            </label>
          </div>
          {form.visibility !== "private" ? <p className="text-xs text-slate-500">{report ? t.reportScopeNote : t.scopeNote}</p> : null}
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? t.saving : t.submit}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setIsOpen(false)}>
              {t.cancel}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

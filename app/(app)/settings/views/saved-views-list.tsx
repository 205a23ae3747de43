"use client";
// One card per view (a card reads on a phone where a wide table would not): open it, pin it, make it
// the landing page — anyone's own marks — and, for a view one may edit, rename, share or delete it.
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { formDataOf, useApiForm } from "@/components/ui/use-api-form";
import { callApi } from "@/lib/api/call-api";
import type { JsonOf } from "@/lib/api/json-of";
import { can, type Role } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { savedViewsMessages, type SavedViewsMessages } from "@/lib/i18n/saved-views-messages";
import type { SavedView } from "@/lib/saved-views/saved-views";
import type { SavedViewVisibility } from "@/lib/saved-views/schemas";

type View = JsonOf<SavedView>;

export function SavedViewsList({ views, role, locale }: { views: View[]; role: Role; locale: Locale }) {
  const t = savedViewsMessages[locale];
  return (
    <ul className="space-y-3" data-testid="saved-views">
      {views.map((view) => (
        <SavedViewCard key={view.id} view={view} role={role} locale={locale} t={t} />
      ))}
    </ul>
  );
}

function SavedViewCard({ view, role, locale, t }: { view: View; role: Role; locale: Locale; t: SavedViewsMessages }) {
  const [draftName, setDraftName] = useState<string | null>(null);
  const url = `/api/saved-reports/${view.id}`;
  const each = { locale, labels: { name: t.name, visibility: t.visibility } };
  const rename = useApiForm({ send: (data) => callApi(url, { method: "PATCH", body: { name: data.get("name") } }), ...each, onSaved: () => setDraftName(null) });
  const pin = useApiForm({ send: () => callApi(url, { method: "PATCH", body: { isPinned: !view.isPinned } }), ...each });
  const makeDefault = useApiForm({ send: () => callApi(url, { method: "PATCH", body: { isDefault: !view.isDefault } }), ...each });
  const share = useApiForm({ send: (data) => callApi(url, { method: "PATCH", body: { visibility: data.get("visibility") } }), ...each });
  const remove = useApiForm({ send: () => callApi(url, { method: "DELETE" }), ...each });
  const actions = [rename, pin, makeDefault, share, remove];
  const isBusy = actions.some((action) => action.isPending);
  const error = actions.find((action) => action.outcome.status === "error")?.outcome.message;
  // As far as the role shares. "A department" here means the director's own: an admin picks one in the save form.
  const canShareWithDepartment = view.visibility === "department" || (role === "director" && can(role, "views:share-department"));
  const visibilities: SavedViewVisibility[] = ["private", ...(canShareWithDepartment ? (["department"] as const) : []), ...(can(role, "views:share-org") ? (["org"] as const) : [])];

  return (
    <li className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="saved-view" aria-busy={isBusy || undefined}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        {draftName === null ? (
          <div className="min-w-0">
            <p className="truncate font-medium" data-testid="saved-view-name">
              {view.name}
            </p>
            <p className="text-xs text-slate-500">
              {t.dashboards[view.dashboard]} · {t.visibilities[view.visibility]} · {t.owner}: {view.isOwn ? t.you : view.owner.name}
            </p>
          </div>
        ) : (
          <form className="flex min-w-0 flex-1 gap-2" onSubmit={rename.onSubmit}>
            <Input aria-label={t.name} name="name" value={draftName} maxLength={100} required autoFocus onChange={(e) => setDraftName(e.target.value)} />
            <Button type="submit" disabled={isBusy}>
              {t.renameDone}
            </Button>
          </form>
        )}
        <div className="flex gap-1 text-xs">
          {view.isPinned ? <span className="rounded-full bg-brand-50 px-2 py-0.5 text-brand-700">{t.pinned}</span> : null}
          {view.isDefault ? <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-emerald-700">{t.isDefault}</span> : null}
        </div>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/views/${view.id}`} className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700">
          {t.open}
        </Link>
        <Button variant="secondary" className="!px-3 !py-1.5" disabled={isBusy} onClick={() => pin.run()}>
          {view.isPinned ? t.unpin : t.pinAction}
        </Button>
        <Button variant="secondary" className="!px-3 !py-1.5" disabled={isBusy} onClick={() => makeDefault.run()}>
          {view.isDefault ? t.unsetDefault : t.setDefault}
        </Button>
        {view.canEdit ? (
          <>
            <Button variant="ghost" className="!px-3 !py-1.5" disabled={isBusy} onClick={() => setDraftName(draftName === null ? view.name : null)}>
              {t.rename}
            </Button>
            {visibilities.length > 1 ? (
              <Select
                aria-label={t.shareWith}
                className="!w-auto !py-1.5"
                value={view.visibility}
                disabled={isBusy}
                onChange={(e) => share.run(formDataOf({ visibility: e.target.value }))}
              >
                {visibilities.map((visibility) => (
                  <option key={visibility} value={visibility}>
                    {t.visibilities[visibility]}
                  </option>
                ))}
              </Select>
            ) : null}
            <Button
              variant="ghost"
              className="!px-3 !py-1.5 text-red-700"
              disabled={isBusy}
              onClick={() => {
                if (window.confirm(fill(t.confirmRemove, { name: view.name }))) remove.run();
              }}
            >
              {t.remove}
            </Button>
          </>
        ) : null}
      </div>
    </li>
  );
}

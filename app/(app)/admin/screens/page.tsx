// «Экраны и встраивание»: an admin's TV screens (display tokens) and the dashboards embedded in the
// CRM (embed links): make, list, revoke (docs/tv-and-embed.md).
import { PageHeader } from "@/components/admin/page-header";
import { ApiButton } from "@/components/ui/api-button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { listDisplayTokens } from "@/lib/displays/display-tokens";
import { listEmbedLinks } from "@/lib/displays/embed-links";
import { crmFrameOrigins } from "@/lib/displays/frame-origins";
import { formatDateTime } from "@/lib/format";
import { displayMessages } from "@/lib/i18n/display-messages";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { listSavedViews } from "@/lib/saved-views/saved-views";
import { DisplayTokenForm } from "./display-token-form";
import { EmbedLinkForm } from "./embed-link-form";

export const generateMetadata = pageTitle("screens");
export const dynamic = "force-dynamic";

export default async function ScreensPage() {
  const viewer = await requirePermission("displays:manage");
  const locale = await resolveLocale(viewer);
  const t = displayMessages[locale];
  const db = await getDb();
  const [tokens, links, origins, views] = await Promise.all([listDisplayTokens(db, viewer), listEmbedLinks(db, viewer), crmFrameOrigins(db, viewer.orgId), listSavedViews(db, viewer)]);
  const builtReports = views.filter((view) => view.dashboard === "builder").map((view) => ({ id: view.id, name: view.name }));
  const when = (date: Date | null) => (date ? formatDateTime(date, viewer.org.timezone, locale) : t.admin.never);
  return (
    <div className="max-w-5xl space-y-6">
      <PageHeader title={t.admin.title} intro={t.admin.intro} />
      <Card title={t.admin.displays}>
        <div className="space-y-4">
          <DisplayTokenForm t={t} locale={locale} />
          <DataTable
            columns={[
              { key: "name", label: t.admin.name, className: "font-medium break-words", render: (token) => token.name },
              { key: "dashboards", label: t.admin.dashboards, render: (token) => `${token.dashboards.map((dashboard) => t.dashboards[dashboard]).join(", ")} · ${token.rotateSeconds} s` },
              { key: "prefix", label: t.admin.prefix, className: "font-mono text-xs", render: (token) => `${token.prefix}…` },
              { key: "lastUsed", label: t.admin.lastUsed, render: (token) => when(token.lastUsedAt) },
              { key: "revoke", label: t.admin.revoke, isNumeric: true, render: (token) => <ApiButton url={`/api/display-tokens/${token.id}`} method="DELETE" label={t.admin.revoke} variant="ghost" locale={locale} /> },
            ]}
            rows={tokens}
            rowKey={(token) => token.id}
            label={t.admin.displays}
            testId="display-tokens-table"
            empty={t.admin.empty}
          />
        </div>
      </Card>
      <Card title={t.admin.embeds}>
        <div className="space-y-4">
          <p className="break-words text-sm text-slate-600" data-testid="frame-origins">
            {origins.length ? fill(t.admin.frameOrigins, { origins: origins.join(", ") }) : t.admin.noFrameOrigins}
          </p>
          <EmbedLinkForm t={t} locale={locale} builtReports={builtReports} />
          <DataTable
            columns={[
              { key: "name", label: t.admin.name, className: "font-medium break-words", render: (link) => link.name },
              { key: "dashboard", label: t.admin.dashboard, render: (link) => t.dashboards[link.dashboard] },
              { key: "url", label: t.admin.copy, className: "break-all font-mono text-xs", render: (link) => link.url },
              { key: "expires", label: t.admin.expires, render: (link) => when(link.expiresAt) },
              { key: "revoke", label: t.admin.revoke, isNumeric: true, render: (link) => <ApiButton url={`/api/embed-links/${link.id}`} method="DELETE" label={t.admin.revoke} variant="ghost" locale={locale} /> },
            ]}
            rows={links}
            rowKey={(link) => link.id}
            label={t.admin.embeds}
            testId="embed-links-table"
            empty={t.admin.empty}
          />
        </div>
      </Card>
    </div>
  );
}

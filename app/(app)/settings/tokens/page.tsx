import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/locale";
import { tokensMessages } from "@/lib/i18n/tokens-messages";
import { listOwnApiTokens } from "@/lib/users/own-tokens";
import { CreateTokenForm } from "./create-token-form";
import { DataTable } from "@/components/ui/data-table";
import { ApiButton } from "@/components/ui/api-button";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("tokens");

export default async function TokensPage() {
  const viewer = await requireViewer();
  const locale = await resolveLocale(viewer);
  const t = tokensMessages[locale];
  const tokens = await listOwnApiTokens(await getDb(), viewer);
  const when = (date: Date | null) => (date ? formatDateTime(date, viewer.org.timezone, locale) : t.never);
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{t.title}</h1>
        <p className="mt-1 text-sm text-slate-500">{t.intro}</p>
      </header>
      <Card title={t.newToken}>
        <CreateTokenForm t={t} locale={locale} />
      </Card>
      <Card title={t.yourTokens}>
        <DataTable
          columns={[
            { key: "name", label: t.name, className: "font-medium", render: (token) => token.name },
            { key: "prefix", label: t.prefix, className: "font-mono text-xs", render: (token) => `${token.prefix}…` },
            { key: "created", label: t.created, render: (token) => when(token.createdAt) },
            { key: "lastUsed", label: t.lastUsed, render: (token) => when(token.lastUsedAt) },
            { key: "revoke", label: t.revoke, isNumeric: true, render: (token) => <ApiButton url={`/api/tokens/${token.id}`} method="DELETE" label={t.revoke} variant="ghost" locale={locale} /> },
          ]}
          rows={tokens}
          rowKey={(token) => token.id}
          label={t.yourTokens}
          testId="tokens-table"
          empty={t.empty}
        />
      </Card>
    </div>
  );
}

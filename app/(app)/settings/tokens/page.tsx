import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { requireViewer } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { resolveLocale } from "@/lib/i18n/locale";
import { tokensMessages } from "@/lib/i18n/tokens-messages";
import { listOwnApiTokens } from "@/lib/users/own-tokens";
import { revokeTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";
import { tableScroll } from "@/components/ui/table-scroll";
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
        <CreateTokenForm t={t} />
      </Card>
      <Card title={t.yourTokens}>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-500">{t.empty}</p>
        ) : (
          <div className={tableScroll}>
            <table className="w-full text-sm [&_td]:pr-3 [&_th]:pr-3">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th className="py-2">{t.name}</th>
                  <th>{t.prefix}</th>
                  <th>{t.created}</th>
                  <th>{t.lastUsed}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-t border-slate-100">
                    <td className="py-2 font-medium">{token.name}</td>
                    <td className="font-mono text-xs">{token.prefix}…</td>
                    <td>{when(token.createdAt)}</td>
                    <td>{when(token.lastUsedAt)}</td>
                    <td className="text-right">
                      <form action={revokeTokenAction}>
                        <input type="hidden" name="id" value={token.id} />
                        <Button variant="ghost" type="submit">
                          {t.revoke}
                        </Button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}

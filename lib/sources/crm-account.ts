// Which CRM account a source is — amoCRM's account id and subdomain, Bitrix24's member_id and
// portal domain — learnt from the CRM, never guessed from the address an admin typed (a proxy, a
// custom domain or a private address says nothing about the account behind it). Webhooks from
// another account are refused.
//
// When it is learnt:
// - amoCRM: from `/api/v4/account` on every "Test connection" and every sync (it replaces what was stored);
// - Bitrix24 OAuth app: from every token renewal (`member_id`, `client_endpoint`);
// - until then (and always for a Bitrix24 inbound webhook, whose REST API names no member_id), from
//   the first webhook that passes the source's own check (amoCRM's URL secret, Bitrix24's
//   application token) — that delivery is accepted, and later ones must come from the same account.
import { and, eq, isNull, sql } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";

export type CrmAccount = { id?: string; domain?: string };

/** What the CRM's API reported: it replaces what is stored (a field it did not report is kept). */
export async function recordReportedAccount(db: Db, sourceId: string, account: CrmAccount): Promise<void> {
  const clean = normalise(account);
  if (!clean.id && !clean.domain) return;
  await db
    .update(sources)
    .set({ ...(clean.id ? { crmAccountId: clean.id } : {}), ...(clean.domain ? { crmAccountDomain: clean.domain } : {}), crmAccountAt: sql`now()` })
    .where(eq(sources.id, sourceId));
}

/** The first authenticated webhook's account, only while nothing is known; true when it was stored. */
export async function recordFirstSeenAccount(db: Db, sourceId: string, account: CrmAccount): Promise<boolean> {
  const clean = normalise(account);
  if (!clean.id && !clean.domain) return false;
  const updated = await db
    .update(sources)
    .set({ crmAccountId: clean.id ?? null, crmAccountDomain: clean.domain ?? null, crmAccountAt: sql`now()` })
    .where(and(eq(sources.id, sourceId), isNull(sources.crmAccountId), isNull(sources.crmAccountDomain)))
    .returning({ id: sources.id });
  return updated.length > 0;
}

/**
 * Does a webhook's account match the stored one? The id decides when both sides have it (a
 * portal or account can be renamed, its id stays); otherwise the domain. "unknown" when nothing
 * is stored, or the webhook names nothing comparable.
 */
export function compareAccount(stored: CrmAccount, given: CrmAccount): "same" | "other" | "unknown" {
  const a = normalise(stored);
  const b = normalise(given);
  if (a.id && b.id) return a.id === b.id ? "same" : "other";
  if (a.domain && b.domain) return a.domain === b.domain ? "same" : "other";
  return "unknown";
}

export function storedAccount(source: { crmAccountId: string | null; crmAccountDomain: string | null }): CrmAccount {
  return { id: source.crmAccountId ?? undefined, domain: source.crmAccountDomain ?? undefined };
}

function normalise(account: CrmAccount): CrmAccount {
  const id = account.id?.trim().slice(0, 100);
  const domain = account.domain?.trim().toLowerCase().slice(0, 255);
  return { id: id || undefined, domain: domain || undefined };
}

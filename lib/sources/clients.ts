// The REST client of a stored source, built from its decrypted credentials. amoCRM OAuth tokens
// rotate: the new pair is saved (encrypted) before the client uses it.
import { createAmoClient, type AmoClient, type AmoDeps } from "@/lib/connectors/amocrm/client";
import { createBitrix24Client, type Bitrix24Client, type Bitrix24Deps } from "@/lib/connectors/bitrix24/client";
import type { Bitrix24Tokens } from "@/lib/connectors/bitrix24/types";
import type { sources } from "@/db/schema";
import { isCrmKind } from "@/lib/connectors/descriptors";
import type { Db } from "@/db/types";
import { ValidationError } from "@/lib/errors";
import { openCredentials, saveCredentials, type SourceCredentials } from "./credentials";
import { recordReportedAccount } from "./crm-account";

export type SourceRow = typeof sources.$inferSelect;
export type ClientDeps = { bitrix24?: Bitrix24Deps; amocrm?: AmoDeps };
export type CrmClient = { kind: "bitrix24"; client: Bitrix24Client } | { kind: "amocrm"; client: AmoClient };

export function clientForSource(db: Db, source: SourceRow, deps: ClientDeps = {}): CrmClient {
  const credentials = openCredentials(source.credentials);
  if (source.kind === "bitrix24" && credentials?.kind === "bitrix24-webhook") {
    return { kind: "bitrix24", client: createBitrix24Client({ webhookUrl: credentials.webhookUrl }, deps.bitrix24) };
  }
  if (source.kind === "bitrix24" && credentials?.kind === "bitrix24-oauth") {
    const { portalUrl, accessToken, clientId, clientSecret, refreshToken, oauthServer } = credentials;
    const refresh = {
      clientId,
      clientSecret,
      refreshToken,
      oauthServer,
      // Bitrix24 rotates the refresh token: the new pair is sealed and stored before it is used.
      // Its answer also names the portal (member_id, client_endpoint): webhooks are checked against it.
      onTokens: async (tokens: Bitrix24Tokens) => {
        await saveCredentials(db, source.id, { ...credentials, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresAt: tokens.expiresAt });
        await recordReportedAccount(db, source.id, { id: tokens.memberId, domain: hostnameOf(tokens.clientEndpoint) });
      },
    };
    return { kind: "bitrix24", client: createBitrix24Client({ portalUrl, accessToken, refresh }, deps.bitrix24) };
  }
  if (source.kind === "amocrm" && credentials?.kind === "amocrm-token" && source.baseUrl) {
    const { accessToken, refreshToken, expiresAt, clientId, clientSecret, redirectUri } = credentials;
    if (refreshToken && clientId && clientSecret && redirectUri) {
      const oauth = { accessToken, refreshToken, expiresAt: expiresAt ?? 0, clientId, clientSecret, redirectUri };
      return {
        kind: "amocrm",
        client: createAmoClient(
          { baseUrl: source.baseUrl, oauth, onTokens: (tokens) => saveCredentials(db, source.id, { ...credentials, ...tokens }) },
          deps.amocrm,
        ),
      };
    }
    return { kind: "amocrm", client: createAmoClient({ baseUrl: source.baseUrl, accessToken }, deps.amocrm) };
  }
  if (!isCrmKind(source.kind)) throw hasNoCrm(source.kind);
  throw new ValidationError("This source has no stored credentials; add it again with its webhook URL, OAuth tokens or token", { code: "source_no_credentials" });
}

/**
 * A client for credentials not saved yet, for the check before saving a source. It never renews
 * OAuth tokens: a renewed pair would be stored nowhere if the check then failed, and the admin's
 * refresh token would be spent. An access token that has expired fails the check as bad_credentials
 * (the admin may save anyway; the first sync renews it).
 */
export function checkOnlyClient(kind: "bitrix24" | "amocrm", baseUrl: string, credentials: SourceCredentials, deps: ClientDeps = {}): CrmClient {
  if (kind === "bitrix24" && credentials.kind === "bitrix24-webhook") return { kind, client: createBitrix24Client({ webhookUrl: credentials.webhookUrl }, deps.bitrix24) };
  if (kind === "bitrix24" && credentials.kind === "bitrix24-oauth") {
    return { kind, client: createBitrix24Client({ portalUrl: credentials.portalUrl, accessToken: credentials.accessToken }, deps.bitrix24) };
  }
  if (kind === "amocrm" && credentials.kind === "amocrm-token") return { kind, client: createAmoClient({ baseUrl, accessToken: credentials.accessToken }, deps.amocrm) };
  throw new ValidationError(`Credentials of kind ${credentials.kind} do not belong to a ${kind} source`, { code: "source_no_credentials" });
}

/** A shop or a site form posts to Voronka itself: there is no CRM to connect to or sync from. */
export function hasNoCrm(kind: "shop" | "form"): ValidationError {
  return kind === "shop"
    ? new ValidationError("A shop has no CRM to connect to or sync from: it posts its orders to Voronka", { code: "shop_has_no_crm" })
    : new ValidationError("A site form has no CRM to connect to or sync from: it posts its submissions to Voronka", { code: "form_has_no_crm" });
}

function hostnameOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

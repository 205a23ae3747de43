// Renewing an amoCRM OAuth token (docs/amocrm-wire.md, "Hosts and authentication"). Refresh tokens are single-use across every
// client of the account, so concurrent renewals share one request, and the new pair is handed to
// `onTokens` (stored) before anyone uses it.
import { ConnectorAuthError, hostOf } from "../errors";
import { amoWords } from "../crm-words";
import { fetchJson } from "../http/fetch-json";
import { singleFlight } from "../http/single-flight";
import { classifyAmoError } from "./classify";
import type { AmoOAuth, AmoTokens } from "./types";

export type AmoRefreshDeps = { fetch?: typeof fetch; timeoutMs: number; now: () => number };

export function refreshAmoTokens(baseUrl: string, oauth: AmoOAuth, onTokens: (tokens: AmoTokens) => Promise<void>, deps: AmoRefreshDeps): Promise<AmoTokens> {
  return singleFlight(`amocrm:${oauth.clientId}:${oauth.refreshToken}`, () => renew(baseUrl, oauth, onTokens, deps), 60_000);
}

async function renew(baseUrl: string, oauth: AmoOAuth, onTokens: (tokens: AmoTokens) => Promise<void>, deps: AmoRefreshDeps): Promise<AmoTokens> {
  const host = hostOf(baseUrl);
  const response = await fetchJson(
    `${baseUrl}/oauth2/access_token`,
    {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "User-Agent": "voronka/1.0" },
      body: JSON.stringify({
        client_id: oauth.clientId,
        client_secret: oauth.clientSecret,
        grant_type: "refresh_token",
        refresh_token: oauth.refreshToken,
        redirect_uri: oauth.redirectUri,
      }),
    },
    { fetch: deps.fetch, timeoutMs: deps.timeoutMs, host, crmName: "amoCRM" },
  );
  const json = response.json as Record<string, unknown> | undefined;
  if (response.status === 400 || response.status === 401) {
    const words = amoWords(json);
    throw new ConnectorAuthError(`amoCRM refused to renew the access token for ${host}${words ? ` (${words})` : ""}; an administrator must reconnect the account`, { status: response.status, crmWords: words });
  }
  if (response.status !== 200 || !json) throw classifyAmoError(host, response.status, json, "/oauth2/access_token");
  if (typeof json.access_token !== "string" || typeof json.refresh_token !== "string") {
    throw new ConnectorAuthError(`amoCRM answered the token renewal for ${host} without tokens`, { status: response.status });
  }
  const tokens: AmoTokens = {
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    expiresAt: deps.now() + Number(json.expires_in ?? 86_400) * 1000,
  };
  await onTokens(tokens);
  return tokens;
}

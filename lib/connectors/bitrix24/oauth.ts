// Renewing a Bitrix24 OAuth access token (docs/bitrix24-wire.md, "Addresses and authentication"): a GET to the OAuth server. Refresh
// tokens rotate, so concurrent renewals share one request and the new pair is stored at once.
import { ConnectorAuthError, ConnectorPaymentError } from "../errors";
import { BITRIX_CODE, bitrixWords } from "../crm-words";
import { fetchJson } from "../http/fetch-json";
import { singleFlight } from "../http/single-flight";
import { classifyBitrix24Unreadable } from "./classify";
import type { Bitrix24Tokens } from "./types";

export type Bitrix24RefreshOptions = {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  /** The OAuth server from the token response's `server_endpoint` host; default https://oauth.bitrix.info/. */
  oauthServer?: string;
  /** Store the new pair; called once per renewal. */
  onTokens: (tokens: Bitrix24Tokens) => Promise<void>;
};

export function refreshBitrix24Tokens(refresh: Bitrix24RefreshOptions, host: string, deps: { fetch?: typeof fetch; timeoutMs: number }): Promise<Bitrix24Tokens> {
  return singleFlight(`bitrix24:${refresh.clientId}:${refresh.refreshToken}`, () => renew(refresh, host, deps), 60_000);
}

async function renew(refresh: Bitrix24RefreshOptions, host: string, deps: { fetch?: typeof fetch; timeoutMs: number }): Promise<Bitrix24Tokens> {
  const server = new URL(refresh.oauthServer ?? "https://oauth.bitrix.info/");
  const url = new URL("/oauth/token/", server);
  url.search = new URLSearchParams({
    grant_type: "refresh_token",
    client_id: refresh.clientId,
    client_secret: refresh.clientSecret,
    refresh_token: refresh.refreshToken,
  }).toString();
  const response = await fetchJson(url.href, { method: "GET", headers: { Accept: "application/json" } }, { ...deps, host: server.host, crmName: "Bitrix24 OAuth server" });
  const json = response.json as Record<string, unknown> | undefined;
  if (!json || response.isBroken) throw classifyBitrix24Unreadable(server.host, response.status, "oauth/token");
  const words = bitrixWords(json);
  if (typeof json.error === "string") {
    const code = BITRIX_CODE.test(json.error) ? json.error : undefined;
    if (json.error === "PAYMENT_REQUIRED") throw new ConnectorPaymentError(`Bitrix24 portal ${host}: the app's subscription has ended (PAYMENT_REQUIRED)`, { status: response.status, code, crmWords: words });
    throw new ConnectorAuthError(`Bitrix24 refused to renew the access token for ${host}${code ? ` (${code})` : ""}; an administrator must reconnect the app`, { status: response.status, code, crmWords: words });
  }
  if (typeof json.access_token !== "string" || typeof json.refresh_token !== "string") {
    throw new ConnectorAuthError(`Bitrix24 answered the token renewal for ${host} without tokens`, { status: response.status });
  }
  const expiresAt = typeof json.expires === "number" ? json.expires * 1000 : Date.now() + Number(json.expires_in ?? 3600) * 1000;
  const tokens: Bitrix24Tokens = {
    accessToken: json.access_token,
    refreshToken: json.refresh_token,
    expiresAt,
    memberId: typeof json.member_id === "string" ? json.member_id : undefined,
    clientEndpoint: typeof json.client_endpoint === "string" ? json.client_endpoint : undefined,
  };
  await refresh.onTokens(tokens);
  return tokens;
}

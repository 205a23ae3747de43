// Bitrix24: its REST client from the stored inbound webhook or OAuth application, its sync plan,
// its outgoing-webhook receiver (checked against the application token) and the batch applier that
// reads the named deals back through REST.
import { applyBitrixBatch } from "@/lib/ingest/bitrix24/apply-batch";
import { applyBitrixEvent } from "@/lib/ingest/bitrix24/apply-event";
import { restFetcherFor } from "@/lib/ingest/bitrix24/fetcher";
import { inspectBitrix24, maskBitrixSecrets } from "@/lib/ingest/receive/bitrix24";
import { failedCheck } from "@/lib/sources/check-connection";
import { saveCredentials } from "@/lib/sources/credentials";
import { recordReportedAccount } from "@/lib/sources/crm-account";
import { bitrix24Plan } from "@/lib/sync/bitrix24-plan";
import type { Connector, CrmConnection } from "../connector";
import { createBitrix24Client, type Bitrix24Client } from "./client";
import { bitrix24Descriptor } from "./descriptor";
import { storedBitrix24 } from "./input";
import { bitrix24Writer } from "./write-back";
import { bitrix24Store } from "./sale-order";
import type { Bitrix24Tokens } from "./types";

function connection(client: Bitrix24Client): CrmConnection {
  return {
    check: async () => {
      const result = await client.testConnection();
      return result.ok ? { ok: true, portal: result.portal, user: { id: result.user.id, name: result.user.name } } : failedCheck(result);
    },
    syncPlan: (settings, baseCurrency, tuning) => bitrix24Plan(client, settings, baseCurrency, tuning),
    writer: bitrix24Writer(client),
    shopStore: bitrix24Store(client),
  };
}

export const bitrix24Connector: Connector<"bitrix24"> = {
  descriptor: bitrix24Descriptor,
  stored: storedBitrix24,
  crm: {
    connect(db, source, credentials, deps) {
      if (credentials.kind === "bitrix24-webhook") return connection(createBitrix24Client({ webhookUrl: credentials.webhookUrl }, deps.bitrix24));
      if (credentials.kind !== "bitrix24-oauth") return null;
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
      return connection(createBitrix24Client({ portalUrl, accessToken, refresh }, deps.bitrix24));
    },
    connectForCheck(_baseUrl, credentials, deps) {
      if (credentials.kind === "bitrix24-webhook") return connection(createBitrix24Client({ webhookUrl: credentials.webhookUrl }, deps.bitrix24));
      if (credentials.kind === "bitrix24-oauth") return connection(createBitrix24Client({ portalUrl: credentials.portalUrl, accessToken: credentials.accessToken }, deps.bitrix24));
      return null;
    },
  },
  receive: (source, delivery) => inspectBitrix24(source, delivery.contentType, delivery.body),
  applyBatch: (tx, source, events, deps, org) => applyBitrixBatch(tx, source, events, () => (deps.bitrixFetcherFor ?? restFetcherFor)(source), org),
  applyEvent: (tx, source, event, deps, org) => applyBitrixEvent(tx, source, event.body, event.receivedAt, () => (deps.bitrixFetcherFor ?? restFetcherFor)(source), org),
  // Stored bodies are masked on arrival; this also covers rows stored before every spelling of the key was.
  maskStoredBody: maskBitrixSecrets,
};

function hostnameOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname : undefined;
  } catch {
    return undefined;
  }
}

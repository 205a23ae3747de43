// amoCRM: its REST client from the stored token (renewed and saved when it is an OAuth pair), its
// sync plan, and its webhook receiver (the secret rides in the address) and applier.
import { applyAmoBatch, applyAmoWebhook } from "@/lib/ingest/amocrm/apply-webhook";
import { inspectAmocrm } from "@/lib/ingest/receive/amocrm";
import { failedCheck } from "@/lib/sources/check-connection";
import { saveCredentials } from "@/lib/sources/credentials";
import { amocrmPlan } from "@/lib/sync/amocrm-plan";
import type { Connector, CrmConnection } from "../connector";
import { createAmoClient, type AmoClient } from "./client";
import { amocrmDescriptor } from "./descriptor";
import { listAmoLeadFields } from "./lead-fields";
import { storedAmocrm } from "./input";
import { amoWriter } from "./write-back";

function connection(client: AmoClient): CrmConnection {
  return {
    check: async () => {
      const result = await client.testConnection();
      if (!result.ok) return failedCheck(result);
      return { ok: true, portal: result.portal, user: result.user, account: { id: result.account.id, name: result.account.name, subdomain: result.account.subdomain } };
    },
    syncPlan: (settings, baseCurrency, tuning) => amocrmPlan(client, settings, baseCurrency, tuning),
    listLeadFields: () => listAmoLeadFields(client),
    writer: amoWriter(client),
  };
}

export const amocrmConnector: Connector<"amocrm"> = {
  descriptor: amocrmDescriptor,
  stored: storedAmocrm,
  crm: {
    connect(db, source, credentials, deps) {
      if (credentials.kind !== "amocrm-token" || !source.baseUrl) return null;
      const { accessToken, refreshToken, expiresAt, clientId, clientSecret, redirectUri } = credentials;
      if (refreshToken && clientId && clientSecret && redirectUri) {
        const oauth = { accessToken, refreshToken, expiresAt: expiresAt ?? 0, clientId, clientSecret, redirectUri };
        return connection(createAmoClient({ baseUrl: source.baseUrl, oauth, onTokens: (tokens) => saveCredentials(db, source.id, { ...credentials, ...tokens }) }, deps.amocrm));
      }
      return connection(createAmoClient({ baseUrl: source.baseUrl, accessToken }, deps.amocrm));
    },
    connectForCheck(baseUrl, credentials, deps) {
      return credentials.kind === "amocrm-token" ? connection(createAmoClient({ baseUrl, accessToken: credentials.accessToken }, deps.amocrm)) : null;
    },
  },
  receive: (source, delivery) => inspectAmocrm(source, delivery.urlSecret, delivery.contentType, delivery.body),
  applyBatch: (tx, source, events, _deps, org) => applyAmoBatch(tx, source, events, org),
  applyEvent: async (tx, source, event, _deps, org) => {
    await applyAmoWebhook(tx, source, event.body, event.receivedAt, org);
    return {};
  },
};

// How the processor reads one Bitrix24 entity: the source's own REST webhook (sealed in
// `sources.credentials`), through the shared client with its rate limiter and retries.
import { createBitrix24Client } from "@/lib/connectors/bitrix24/client";
import type { B24Entity } from "@/lib/connectors/bitrix24/types";
import { openCredentials } from "@/lib/sources/credentials";
import type { SourceRow } from "../receive/source-settings";

export type BitrixFetcher = { getById(entity: B24Entity, id: string): Promise<Record<string, unknown> | null> };
export type BitrixFetcherFor = (source: SourceRow) => BitrixFetcher;

export const restFetcherFor: BitrixFetcherFor = (source) => {
  const credentials = openCredentials(source.credentials);
  // Retried with backoff: the admin may save the webhook URL after the first events arrive.
  if (credentials?.kind !== "bitrix24-webhook") throw new Error("This Bitrix24 source has no REST webhook saved yet, so the event's entity cannot be read");
  const client = createBitrix24Client({ webhookUrl: credentials.webhookUrl }, { maxAttempts: 3 });
  return { getById: (entity, id) => client.getById<Record<string, unknown>>(entity, id) };
};

// How the processor reads Bitrix24 entities: the source's own REST webhook (sealed in
// `sources.credentials`), through the shared client with its rate limiter and retries.
import { createBitrix24Client } from "@/lib/connectors/bitrix24/client";
import type { B24Entity } from "@/lib/connectors/bitrix24/types";
import { openCredentials } from "@/lib/sources/credentials";
import type { SourceRow } from "../receive/source-settings";

type Row = Record<string, unknown>;
export type BitrixFetcher = {
  getById(entity: B24Entity, id: string): Promise<Row | null>;
  /** Many at once (one `batch` request per 50); a missing id maps to null. Optional: tests give only getById. */
  getMany?(entity: B24Entity, ids: string[]): Promise<Map<string, Row | null>>;
};
export type BitrixFetcherFor = (source: SourceRow) => BitrixFetcher;

/** Bitrix24 runs at most 50 commands in one `batch` call. */
const BATCH_COMMANDS = 50;

export const restFetcherFor: BitrixFetcherFor = (source) => {
  const credentials = openCredentials(source.credentials);
  // Retried with backoff: the admin may save the webhook URL after the first events arrive.
  if (credentials?.kind !== "bitrix24-webhook") throw new Error("This Bitrix24 source has no REST webhook saved yet, so the event's entity cannot be read");
  const client = createBitrix24Client({ webhookUrl: credentials.webhookUrl }, { maxAttempts: 3 });
  return {
    getById: (entity, id) => client.getById<Row>(entity, id),
    async getMany(entity, ids) {
      const rows = new Map<string, Row | null>();
      for (let i = 0; i < ids.length; i += BATCH_COMMANDS) {
        const part = ids.slice(i, i + BATCH_COMMANDS);
        const commands = Object.fromEntries(part.map((id, n) => [`e${n}`, `crm.${entity}.get?id=${encodeURIComponent(id)}`]));
        const answer = await client.batch(commands);
        part.forEach((id, n) => {
          const error = answer.result_error[`e${n}`];
          const row = answer.result[`e${n}`];
          // The same rule as getById: "not found" means deleted; any other failure fails the read.
          if (error && error.error !== "NOT_FOUND" && !/not found/i.test(error.error_description ?? "")) {
            throw new Error(`Bitrix24 crm.${entity}.get failed for ${id}: ${error.error} ${error.error_description ?? ""}`.trim());
          }
          rows.set(id, error || row === undefined || row === null ? null : (row as Row));
        });
      }
      return rows;
    },
  };
};

/** Reads `ids` of one entity kind, with one request per 50 when the fetcher can batch. */
export async function fetchMany(fetcher: BitrixFetcher, entity: B24Entity, ids: string[]): Promise<Map<string, Row | null>> {
  if (fetcher.getMany) return fetcher.getMany(entity, ids);
  const rows = new Map<string, Row | null>();
  for (const id of ids) rows.set(id, await fetcher.getById(entity, id));
  return rows;
}

// The processor's Bitrix24 reads against the mock portal: many IDs in one `batch` request (50
// commands at most), a deleted entity read as null, the same rows crm.deal.get gives one by one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBitrix24Mock, type Bitrix24Mock } from "@/e2e/mocks/bitrix24-mock";
import { resetSharedLimiters } from "@/lib/connectors/http/rate-limiter";
import { env } from "@/lib/env";
import { sealCredentials } from "@/lib/sources/credentials";
import type { SourceRow } from "../receive/source-settings";
import { restFetcherFor } from "./fetcher";

let portal: Bitrix24Mock;
let source: SourceRow;
const previousKey = env.ENCRYPTION_KEY;

beforeAll(async () => {
  env.ENCRYPTION_KEY = Buffer.alloc(32, 9).toString("base64");
  resetSharedLimiters();
  portal = await startBitrix24Mock({ deals: 120, seed: 3, limits: false });
  source = { id: "s", orgId: "o", kind: "bitrix24", credentials: sealCredentials({ kind: "bitrix24-webhook", webhookUrl: portal.webhookUrl }), settings: {} } as unknown as SourceRow;
});
afterAll(async () => {
  await portal.close();
  env.ENCRYPTION_KEY = previousKey;
});

describe("reading the entities a batch of Bitrix24 events names", () => {
  it("reads 60 deals with 2 requests (50 + 10 commands), a deleted one as null, as crm.deal.get does", async () => {
    portal.state.mutations.remove("deal", 7);
    const fetcher = restFetcherFor(source);
    const ids = Array.from({ length: 60 }, (_, i) => String(i + 1));
    const before = portal.state.stats.byMethod.batch ?? 0;
    const rows = await fetcher.getMany!("deal", ids);
    expect(portal.state.stats.byMethod.batch - before).toBe(2);
    expect(rows.size).toBe(60);
    expect(rows.get("7")).toBeNull();
    expect(await fetcher.getById("deal", "7")).toBeNull();
    // Row 42 from the batch equals crm.deal.get of 42.
    expect(rows.get("42")).toEqual(await fetcher.getById("deal", "42"));
    expect(rows.get("42")).toMatchObject({ ID: "42" });
  });
});

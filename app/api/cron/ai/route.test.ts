import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET } from "./route";

// An authorised drain is tested with the queue in lib/ai/queue.test.ts.
const original = env.CRON_SECRET;
afterEach(() => {
  env.CRON_SECRET = original;
});

const call = (authorization?: string) => GET(new Request("http://localhost/api/cron/ai", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/ai", () => {
  it("fails closed when CRON_SECRET is unset, and refuses a wrong bearer token", async () => {
    env.CRON_SECRET = undefined;
    expect((await call("Bearer undefined")).status).toBe(401);
    env.CRON_SECRET = "a-cron-secret-of-some-length";
    expect((await call("Bearer a-cron-secret-of-some-lengtX")).status).toBe(401);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET } from "./route";

// An authorised call that sends is tested with the outbox in lib/notifications/notifications.test.ts.
const original = env.CRON_SECRET;
afterEach(() => {
  env.CRON_SECRET = original;
});

const call = (authorization?: string) => GET(new Request("http://localhost/api/cron/notifications", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/notifications", () => {
  it("fails closed when CRON_SECRET is unset, whatever is sent", async () => {
    env.CRON_SECRET = undefined;
    for (const header of [undefined, "Bearer ", "Bearer undefined"]) expect((await call(header)).status).toBe(401);
  });

  it("refuses a missing or wrong bearer token with the uniform error body", async () => {
    env.CRON_SECRET = "a-cron-secret-of-some-length";
    expect((await call()).status).toBe(401);
    expect((await call("Bearer a-cron-secret-of-some-lengtX")).status).toBe(401);
    const response = await call("Basic a-cron-secret-of-some-length");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "Send Authorization: Bearer <CRON_SECRET>" } });
  });
});

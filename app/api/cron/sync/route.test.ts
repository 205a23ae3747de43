import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET as reconcile } from "../reconcile/route";
import { GET as sync } from "./route";

const original = env.CRON_SECRET;
afterEach(() => {
  env.CRON_SECRET = original;
});

const call = (handler: typeof sync, authorization?: string) =>
  handler(new Request("http://localhost/api/cron/sync", { headers: authorization ? { authorization } : {} }));

describe("GET /api/cron/sync and /api/cron/reconcile", () => {
  it("fail closed when CRON_SECRET is unset, whatever is sent", async () => {
    env.CRON_SECRET = undefined;
    for (const handler of [sync, reconcile]) {
      expect((await call(handler)).status).toBe(401);
      expect((await call(handler, "Bearer ")).status).toBe(401);
      expect((await call(handler, "Bearer undefined")).status).toBe(401);
    }
  });

  it("refuse a missing or wrong bearer token", async () => {
    env.CRON_SECRET = "a-cron-secret-of-some-length";
    for (const handler of [sync, reconcile]) {
      expect((await call(handler)).status).toBe(401);
      expect((await call(handler, "Bearer a-cron-secret-of-some-lengtX")).status).toBe(401);
      const body = await (await call(handler, "Basic a-cron-secret-of-some-length")).json();
      expect(body.error.code).toBe("unauthorized");
    }
  });
});

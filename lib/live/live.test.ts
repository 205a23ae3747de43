// GET /api/live as a browser uses it: `ready` once the process listens, then `facts` within 2 s of
// a committed change of its own organisation's facts — never of another organisation's, never of
// a change rolled back. On PostgreSQL the change is written through other connections than the
// listener's, as another instance of the app would write it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeResponse } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { refreshReportFacts } from "@/lib/reports/facts/refresh";
import { GET } from "@/app/api/live/route";
import { factsHub } from "./hub";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
let dealOfA: string;
const token: Record<"a" | "b", string> = { a: "", b: "" };

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  token.a = (await createApiToken(testDb.db, { orgId: a.org.id, userId: a.users.alice.id }, "test")).token;
  token.b = (await createApiToken(testDb.db, { orgId: b.org.id, userId: b.users.admin.id }, "test")).token;
  dealOfA = (await a.addDeal({ manager: "alice", stage: "WON", amount: "5000", createdAt: "2025-01-01T00:00:00Z", closedAt: "2025-01-02T00:00:00Z" })).id;
});
afterAll(async () => {
  await factsHub().close();
  await testDb.close();
});

type Stream = { events: string[]; next: (ms: number) => Promise<string | null>; abort: () => void; ended: Promise<void> };

/** Opens the stream and reads it event by event; `next` resolves null when nothing came within `ms`. */
async function open(who: "a" | "b"): Promise<Stream> {
  const controller = new AbortController();
  const response = await GET(new Request("http://localhost/api/live", { headers: { authorization: `Bearer ${token[who]}` }, signal: controller.signal }));
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = "";
  const waiting: ((event: string) => void)[] = [];
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const name = /^event: (\w+)$/m.exec(buffer.slice(0, end))?.[1];
        buffer = buffer.slice(end + 2);
        if (!name) continue;
        const listener = waiting.shift();
        if (listener) listener(name);
        else events.push(name);
      }
    }
  })();
  const next = (ms: number) =>
    events.length > 0
      ? Promise.resolve(events.shift()!)
      : new Promise<string | null>((resolve) => {
          const timer = setTimeout(() => {
            waiting.splice(waiting.indexOf(got), 1);
            resolve(null);
          }, ms);
          const got = (event: string) => {
            clearTimeout(timer);
            resolve(event);
          };
          waiting.push(got);
        });
  return { events, next, abort: () => controller.abort(), ended };
}

describe("GET /api/live", () => {
  it("refuses a caller who is not signed in", async () => {
    const response = await routeResponse(GET, "/api/live");
    expect(response.status).toBe(401);
  });

  it("tells A's open page within 2 s that A's facts changed, and B's page nothing", async () => {
    const [pageOfA, pageOfB] = [await open("a"), await open("b")];
    expect(await pageOfA.next(5_000)).toBe("ready");
    expect(await pageOfB.next(5_000)).toBe("ready");
    await refreshReportFacts(testDb.db, a.org.id, { dealIds: [dealOfA] });
    const started = Date.now();
    expect(await pageOfA.next(2_000)).toBe("facts");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await pageOfB.next(1_500)).toBeNull();
    pageOfA.abort();
    pageOfB.abort();
    await Promise.all([pageOfA.ended, pageOfB.ended]);
  });

  it("says nothing of a change that was rolled back", async () => {
    const page = await open("a");
    expect(await page.next(5_000)).toBe("ready");
    await testDb.db
      .transaction(async (tx) => {
        await refreshReportFacts(tx, a.org.id, { dealIds: [dealOfA] });
        tx.rollback();
      })
      .catch(() => {});
    expect(await page.next(1_500)).toBeNull();
    page.abort();
    await page.ended;
  });
});

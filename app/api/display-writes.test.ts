// A display token (a TV screen) can only read: every write route of the API refuses it with 403
// display_token_read_only before doing anything. The routes are found on disk, so a route added
// later is covered without touching this file.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { routeRequest } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createDisplayToken } from "@/lib/displays/display-tokens";
import { DISPLAY_COOKIE } from "@/lib/displays/limits";
import { loadViewer } from "@/lib/auth/viewer";
import { listRouteFiles } from "./_fuzz/route-files";

const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route file that answers through the API wrapper (webhooks, Auth.js and the unsubscribe link check their own secrets). */
const wrappedRoutes = () => listRouteFiles().filter((route) => readFileSync(route.file, "utf8").includes("apiRoute"));

let testDb: TestDb;
let f: OrgFixture;
let screenCookie: string;

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  f = await createOrgFixture(testDb.db);
  const admin = (await loadViewer(testDb.db, f.users.admin.id))!;
  const { token } = await createDisplayToken(testDb.db, admin, { name: "Floor", dashboards: ["overview"], rotateSeconds: 30 });
  screenCookie = `${DISPLAY_COOKIE}=${token}`;
});
afterAll(() => testDb.close());

describe("a display token sending a write", () => {
  it("is refused by every write route with 403 display_token_read_only, and nothing is recorded", async () => {
    const auditBefore = await testDb.db.select().from(auditLog).where(eq(auditLog.orgId, f.org.id));
    const answered: string[] = [];
    for (const { file, pattern: address, params: names } of wrappedRoutes()) {
      const route = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      // Every path parameter gets a real id of this organisation's source, so no 404 comes first.
      const params = Object.fromEntries(names.map((name) => [name, f.source.id]));
      for (const method of WRITE_METHODS) {
        const handler = route[method] as ((request: Request, context: unknown) => Promise<Response>) | undefined;
        if (!handler) continue;
        const request = routeRequest(address, { method, body: {}, headers: { cookie: screenCookie, origin: "http://localhost", "content-type": "application/json" } });
        const response = await handler(request, { params: Promise.resolve(params) });
        const body = (await response.json()) as { error?: { code: string } };
        answered.push(`${method} ${address} → ${response.status} ${body.error?.code}`);
      }
    }
    // 40-odd routes today; the floor guards against the search finding none.
    expect(answered.length).toBeGreaterThan(40);
    expect(answered.filter((line) => !line.endsWith("→ 403 display_token_read_only"))).toEqual([]);
    const auditAfter = await testDb.db.select().from(auditLog).where(eq(auditLog.orgId, f.org.id));
    expect(auditAfter.length).toBe(auditBefore.length);
  }, 120_000);
});

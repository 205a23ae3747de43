// A small known dataset for the export tests, with API tokens for each role, and helpers that call
// a route handler the way a browser or a script would (Authorization: Bearer …).
import { eq } from "drizzle-orm";
import { crmUsers } from "@/db/schema";
import { routeResponse } from "@/db/test/call-route";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import type { TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";

export type Who = "admin" | "director" | "alice" | "bob" | "carol";
type Handler<P> = (request: Request, context?: { params: Promise<P> }) => Promise<Response>;

export type ExportFixture = { f: OrgFixture; other: OrgFixture; tokens: Record<Who, string> };

/**
 * Won deals in 2025 (Asia/Almaty, ₸):
 *   alice «Анна Петрова»: 15 Jan 100 000 + 20 Feb 50 000.50; one open deal created in March (7 000)
 *   bob «=HYPERLINK(…)» (a name that would be a formula): 10 Mar 30 000
 *   carol (another department): 12 Mar 20 000; one lost deal closed in March (40 000)
 * Another organisation's won deal of 555 555 in January counts nowhere.
 */
export async function createExportFixture(testDb: TestDb): Promise<ExportFixture> {
  const { db } = testDb;
  const f = await createOrgFixture(db);
  const other = await createOrgFixture(db);
  await db.update(crmUsers).set({ name: "Анна Петрова" }).where(eq(crmUsers.id, f.crmUsers.alice.id));
  await db.update(crmUsers).set({ name: '=HYPERLINK("http://evil.example","x")' }).where(eq(crmUsers.id, f.crmUsers.bob.id));
  const won = (manager: "alice" | "bob" | "carol", amount: string, closedAt: string) =>
    f.addDeal({ manager, stage: "WON", amount, createdAt: "2025-01-02T10:00:00Z", closedAt });
  await won("alice", "100000", "2025-01-15T10:00:00Z");
  await won("alice", "50000.50", "2025-02-20T10:00:00Z");
  await won("bob", "30000", "2025-03-10T10:00:00Z");
  await won("carol", "20000", "2025-03-12T10:00:00Z");
  await f.addDeal({ manager: "alice", stage: "NEW", amount: "7000", createdAt: "2025-03-01T10:00:00Z" });
  await f.addDeal({ manager: "carol", stage: "LOSE", amount: "40000", createdAt: "2025-02-01T10:00:00Z", closedAt: "2025-03-20T10:00:00Z" });
  await other.addDeal({ manager: "alice", stage: "WON", amount: "555555", createdAt: "2025-01-01T10:00:00Z", closedAt: "2025-01-10T10:00:00Z" });
  const tokens = {} as Record<Who, string>;
  for (const who of ["admin", "director", "alice", "bob", "carol"] as const) {
    const user = f.users[who];
    tokens[who] = (await createApiToken(db, { orgId: user.orgId, userId: user.id }, "export test")).token;
  }
  return { f, other, tokens };
}

export function callAs<P extends Record<string, string>>(handler: Handler<P>, fixture: ExportFixture, who: Who, path: string, params?: P, headers: Record<string, string> = {}): Promise<Response> {
  return routeResponse(handler as never, path, { as: { token: fixture.tokens[who] }, params, headers });
}

export async function bytesOf(response: Response): Promise<Buffer> {
  return Buffer.from(await response.arrayBuffer());
}

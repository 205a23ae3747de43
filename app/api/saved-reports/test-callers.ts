// The callers of the saved-views route tests: every person of a fixture organisation with an API token.
import { callRoute } from "@/db/test/call-route";
import type { OrgFixture } from "@/db/test/fixtures";
import type { TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { DELETE, GET as getOne, PATCH } from "./[id]/route";
import { GET as list, POST } from "./route";

export type Person = keyof OrgFixture["users"];

export async function savedViewCallers(testDb: TestDb, org: OrgFixture) {
  const token = {} as Record<Person, string>;
  for (const [who, user] of Object.entries(org.users)) token[who as Person] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  const as = (who: Person) => ({ token: token[who] });
  return {
    create: (who: Person, body: unknown) => callRoute(POST, "/api/saved-reports", { as: as(who), method: "POST", body }),
    list: (who: Person) => callRoute(list, "/api/saved-reports", { as: as(who) }),
    open: (who: Person, id: string) => callRoute(getOne, `/api/saved-reports/${id}`, { as: as(who), params: { id } }),
    update: (who: Person, id: string, body: unknown) => callRoute(PATCH, `/api/saved-reports/${id}`, { as: as(who), method: "PATCH", body, params: { id } }),
    remove: (who: Person, id: string) => callRoute(DELETE, `/api/saved-reports/${id}`, { as: as(who), method: "DELETE", params: { id } }),
  };
}

/**
 * The scope tests' rows — March 2026, department Sales: alice wins 1 200 + 800, bob wins 500; carol
 * (Online) wins 9 000 — and a report token for each person who reads them.
 */
export async function seedMarchWins(testDb: TestDb, org: OrgFixture): Promise<Record<"director" | "alice" | "bob" | "carol", string>> {
  const token = {} as Record<"director" | "alice" | "bob" | "carol", string>;
  for (const who of ["director", "alice", "bob", "carol"] as const) token[who] = (await createApiToken(testDb.db, { orgId: org.org.id, userId: org.users[who].id }, "report")).token;
  const won = (manager: "alice" | "bob" | "carol", amount: string, day: string) =>
    org.addDeal({ manager, stage: "WON", amount, createdAt: `2026-03-${day}T06:00:00Z`, closedAt: `2026-03-${day}T09:00:00Z` });
  await won("alice", "1200", "03");
  await won("alice", "800", "10");
  await won("bob", "500", "12");
  await won("carol", "9000", "15");
  return token;
}

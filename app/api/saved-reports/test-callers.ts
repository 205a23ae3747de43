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

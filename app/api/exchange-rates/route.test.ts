import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exchangeRates } from "@/db/schema";
import { createOrgFixture, type OrgFixture } from "@/db/test/fixtures";
import { useTestDbForRoutes } from "@/db/test/route-db";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { createApiToken } from "@/lib/auth/tokens";
import { scopeOf } from "@/lib/auth/scope";
import { resolvePeriod } from "@/lib/reports/filters";
import { getSalesByMonth } from "@/lib/reports/sales-by-month";
import { DELETE } from "./[id]/route";
import { GET, POST } from "./route";
import { callRoute } from "@/db/test/call-route";

let testDb: TestDb;
let a: OrgFixture;
let b: OrgFixture;
const token: Record<string, string> = {};

function call(handler: Parameters<typeof callRoute>[0], init: { method?: string; token?: string; body?: unknown; path?: string; id?: string } = {}) {
  const params = init.id === undefined ? undefined : { id: init.id };
  return callRoute(handler, `/api/exchange-rates${init.path ?? ""}`, { as: init.token ? { token: init.token } : null, method: init.method, body: init.body, params });
}
const post = (body: unknown, who = "admin") => call(POST, { method: "POST", token: token[who], body });
const remove = (id: string, who = "admin") => call(DELETE, { method: "DELETE", token: token[who], id, path: `/${id}` });

/** March's won amount in ₸ for the admin of `a`. */
async function marchWonAmount() {
  const user = a.users.admin;
  const filters = { from: "2025-03-01", to: "2025-03-31" };
  const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
  const report = await getSalesByMonth({ db: testDb.db, scope: scopeOf({ ...user, userId: user.id }), org, filters, period: resolvePeriod(filters, org.timezone), now: new Date() });
  return report.totals.wonAmount;
}

beforeAll(async () => {
  testDb = await createTestDb();
  useTestDbForRoutes(testDb);
  a = await createOrgFixture(testDb.db);
  b = await createOrgFixture(testDb.db);
  for (const [who, user] of Object.entries({ admin: a.users.admin, director: a.users.director, bob: a.users.bob, adminB: b.users.admin })) {
    token[who] = (await createApiToken(testDb.db, { orgId: user.orgId, userId: user.id }, "test")).token;
  }
  await a.addRate("USD", "2025-03-01", "500");
  // won on 10 March (Almaty): 100 $ at the rate in force that day
  await a.addDeal({ manager: "alice", stage: "WON", amount: "100", currency: "USD", createdAt: "2025-03-02T05:00:00Z", closedAt: "2025-03-10T05:00:00Z" });
  await b.addRate("USD", "2025-03-01", "480");
});
afterAll(() => testDb.close());

describe("exchange rates API", () => {
  it("adds a rate, revalues the deals it governs and lists the rates by currency, newest first", async () => {
    expect(await marchWonAmount()).toBe("50000.00"); // 100 $ × 500
    const added = await post({ currency: "usd", day: "2025-03-10", rate: "510,5" });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ rate: { currency: "USD", day: "2025-03-10", rate: "510.50000000" }, created: true, dealsRevalued: 1 });
    expect(await marchWonAmount()).toBe("51050.00"); // 100 $ × 510.5, the rate from 10 March on

    await post({ currency: "RUB", day: "2025-02-01", rate: 5.8 });
    const list = await call(GET, { token: token.admin });
    expect(list.status).toBe(200);
    expect(list.body.rates.map((r: { currency: string; day: string; rate: string }) => `${r.currency} ${r.day} ${r.rate}`)).toEqual([
      "RUB 2025-02-01 5.80000000",
      "USD 2025-03-10 510.50000000",
      "USD 2025-03-01 500.00000000",
    ]);
    const usd = await call(GET, { token: token.admin, path: "?currency=usd" });
    expect(usd.body.rates).toHaveLength(2);
  });

  it("replaces the rate of a day that has one (200) and deletes a rate, falling back to the one before", async () => {
    const replaced = await post({ currency: "USD", day: "2025-03-10", rate: "520" });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ created: false, dealsRevalued: 1 });
    expect(await marchWonAmount()).toBe("52000.00"); // 100 $ × 520
    const deleted = await remove(replaced.body.rate.id);
    expect(deleted).toEqual({ status: 200, body: { deleted: replaced.body.rate.id, dealsRevalued: 1 } });
    expect(await marchWonAmount()).toBe("50000.00"); // back to the rate of 1 March: 100 $ × 500
    expect((await remove(replaced.body.rate.id)).status).toBe(404);
  });

  it("two admins adding the same day's rate at once: each gets an answer (the second a 409 where the writes overlap), and one rate is stored", async () => {
    const [first, second] = await Promise.all([post({ currency: "USD", day: "2025-05-05", rate: "505" }), post({ currency: "USD", day: "2025-05-05", rate: "506" })]);
    // On PostgreSQL the two transactions overlap and the later insert meets the unique index; the
    // embedded database runs them one after the other, so the second replaces the first (200).
    expect([first.status, second.status].sort()).toEqual(expect.arrayContaining([201]));
    for (const answer of [first, second]) expect([200, 201, 409], JSON.stringify(answer.body)).toContain(answer.status);
    const conflict = [first, second].find((answer) => answer.status === 409);
    if (conflict) expect(conflict.body.error.message).toBe("The USD rate of 2025-05-05 was set by someone else at the same moment; reload to see it");
    const stored = await testDb.db.select().from(exchangeRates).where(and(eq(exchangeRates.orgId, a.org.id), eq(exchangeRates.currency, "USD"), eq(exchangeRates.day, "2025-05-05")));
    expect(stored).toHaveLength(1);
  });

  it("refuses bad input with a code and the field it concerns, and changes nothing", async () => {
    const cases: [unknown, { code: string; field?: string }, RegExp][] = [
      [{ currency: "US", day: "2025-03-10", rate: "1" }, { code: "validation_error", field: "currency" }, /^currency: must be a currency code/],
      [{ currency: "EUR", day: "10.03.2025", rate: "1" }, { code: "validation_error", field: "day" }, /^day: must be a date as YYYY-MM-DD/],
      [{ currency: "EUR", day: "2025-03-10", rate: "abc" }, { code: "validation_error", field: "rate" }, /^rate: must be a positive decimal number/],
      [{ currency: "EUR", day: "2025-03-10", rate: "-2" }, { code: "validation_error", field: "rate" }, /^rate: must be a positive decimal number/],
      [{ currency: "EUR", day: "2025-03-10", rate: "0" }, { code: "validation_error", field: "rate" }, /^rate: must be greater than 0/],
      [{ currency: "EUR", day: "2025-03-10", rate: "1.123456789" }, { code: "validation_error", field: "rate" }, /^rate: must be a positive decimal number with at most 8 decimals/],
      [{ currency: "KZT", day: "2025-03-10", rate: "1" }, { code: "base_currency_rate", field: "currency" }, /^KZT is the organisation's base currency/],
      [{ day: "2025-03-10", rate: "1" }, { code: "validation_error", field: "currency" }, /^currency: is required/],
      ["not json", { code: "validation_error" }, /must be JSON/],
    ];
    for (const [body, refusal, message] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error, JSON.stringify(body)).toMatchObject(refusal);
      expect(response.body.error.message).toMatch(message);
    }
    expect((await call(GET, { token: token.admin, path: "?currency=eur" })).body.rates).toEqual([]);
    expect((await call(GET, { token: token.admin, path: "?currency=euro" })).status).toBe(400);
  });

  it("is for admins only, and each admin sees and deletes only their organisation's rates", async () => {
    expect((await call(GET, { token: token.director })).status).toBe(403);
    expect((await post({ currency: "EUR", day: "2025-03-10", rate: "1" }, "bob")).status).toBe(403);
    expect((await call(GET)).status).toBe(401);
    const other = await call(GET, { token: token.adminB });
    expect(other.body.rates.map((r: { rate: string }) => r.rate)).toEqual(["480.00000000"]);
    expect((await remove(other.body.rates[0].id)).status).toBe(404);
    expect((await remove("not-a-uuid")).status).toBe(404);
    expect((await call(GET, { token: token.adminB })).body.rates).toHaveLength(1);
  });
});

// What the route fuzz sends (fast-check arbitraries). Bodies are mostly objects of fields that
// appear together in one of the routes' schemas, each field usually a plausible value for it — so
// a body gets past the first checks to the ones behind them — and sometimes a value that broke
// servers before: NUL, lone surrogates, bad percent escapes, impossible dates, huge numbers.
import fc from "fast-check";

const STRANGE_VALUES = [
  "", " ", "\u0000", "a\u0000b", "%C0%AF", "%", "\uD800", "\uDFFF", "😀", "Пользователь №1", "../../etc/passwd", "<script>alert(1)</script>",
  "'; drop table users; --", "-1", "0", "1e309", "-0", "NaN", "Infinity", "9".repeat(40), "null", "true", "[]", "{}", "(a+)+$", "[",
  "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "275760-09-13", "https://", "not a url", "http://127.0.0.1:1/", "javascript:alert(1)", "a".repeat(5000),
];

/**
 * Fields that appear together in one of the schemas a route reads (lib/**\/schemas.ts, report
 * filters, export options); `key=value` fixes a field (a discriminator) most of the time. A route
 * gets its own families four times in five, any family otherwise; a route not named here (a new
 * one) gets any family.
 */
const FAMILIES: Record<string, string[][]> = {
  "/api/sources": [
    ["kind=bitrix24", "name", "webhookUrl"],
    ["kind=bitrix24", "name", "portalUrl", "clientId", "clientSecret", "accessToken", "refreshToken", "oauthServer", "applicationToken"],
    ["kind=amocrm", "name", "baseUrl", "accessToken", "refreshToken", "clientId", "clientSecret", "redirectUri"],
    ["kind=shop", "name"],
  ],
  "/api/sources/[id]": [["name", "isActive", "applicationToken"]],
  "/api/sources/[id]/sync": [["mode"]],
  "/api/users": [["email", "name", "role", "departmentId", "password"]],
  "/api/users/[id]": [["name", "role", "departmentId", "isActive", "password"]],
  "/api/users/[id]/crm-users": [["crmUserIds"]],
  "/api/org": [["name", "baseCurrency", "timezone", "locale", "country"]],
  "/api/departments": [["name"]],
  "/api/tokens": [["name"]],
  "/api/traffic-teams": [["name", "color", "emoji", "primarySourceCode", "telegramChatId", "isActive"]],
  "/api/traffic-teams/[id]": [["name", "color", "emoji", "primarySourceCode", "telegramChatId", "isActive"]],
  "/api/attribution-rules": [["teamId", "field", "match", "pattern", "priority", "isActive"]],
  "/api/attribution-rules/[id]": [["teamId", "field", "match", "pattern", "priority", "isActive"]],
  "/api/attribution-rules/preview": [["upsertRules", "deleteRuleIds", "upsertTeams", "deleteTeamIds"]],
  "/api/ad-spend": [["rows", "dryRun"]],
  "/api/exchange-rates": [["currency", "day", "rate"]],
  "/api/auth/[...nextauth]": [["csrfToken", "email", "password", "callbackUrl"]],
};
/** Query strings: report filters, the deals list, export options, list filters. */
const QUERY_FAMILIES = [
  ["from", "to", "preset", "pipelineId", "departmentId", "managerId", "sourceId"],
  ["status", "stageId", "reachedStageId", "periodOn", "month", "sort", "order", "limit", "cursor", "from", "to"],
  ["format", "lang", "delimiter", "decimal", "table", "from", "to", "preset"],
  ["teamId", "from", "to", "dryRun", "category", "limit", "cursor", "callbackUrl"],
];
const ALL_FAMILIES = Object.values(FAMILIES).flat();

export function fuzzArbitraries({ ids, pattern }: { ids: string[]; pattern: string }) {
  const strange = fc.constantFrom(...STRANGE_VALUES);
  const text = fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ maxLength: 12 }), strange);
  const id = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, fc.uuid(), text);
  const day = fc.oneof(fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), strange);
  const url = fc.oneof(fc.webUrl(), fc.constantFrom("https://portal.bitrix24.kz/rest/1/abcdef/", "https://example.amocrm.ru", "example", "http://127.0.0.1:1/rest/1/x/"), strange);
  const decimal = fc.oneof(fc.double().map(String), fc.integer().map(String), fc.constantFrom("1 500,50", "12500.50", "0.00000001"), fc.double(), strange);
  const one = (...values: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, text);
  const plausible: Record<string, fc.Arbitrary<unknown>> = {
    kind: one("bitrix24", "amocrm", "shop"),
    role: one("admin", "director", "manager"),
    email: fc.oneof(fc.emailAddress(), text),
    password: fc.oneof(fc.string({ minLength: 8, maxLength: 80 }), text),
    isActive: fc.boolean(),
    dryRun: fc.oneof(fc.boolean(), fc.constantFrom("1", "true")),
    webhookUrl: url, portalUrl: url, baseUrl: url, oauthServer: url, redirectUri: url, callbackUrl: url,
    mode: one("incremental", "full"),
    baseCurrency: one("KZT", "RUB", "USD"), currency: one("KZT", "RUB", "USD", "kzt"),
    timezone: one("Asia/Almaty", "Europe/Moscow", "Mars/Olympus"), locale: one("ru", "en"), lang: one("ru", "en"), country: one("KZ", "RU"),
    color: one("#2f6fed", "red"), emoji: one("🎯", "😀😀😀"), telegramChatId: one("-1001234567890", "@channel_name"),
    field: one("utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "source"),
    match: one("equals", "contains", "starts_with", "regex"),
    pattern: fc.oneof(text, fc.constantFrom("(a+)+$", ".*", "fb_")),
    priority: fc.oneof(fc.integer(), fc.double(), text),
    day, from: day, to: day, month: fc.oneof(day.map((d) => d.slice(0, 7)), strange),
    rate: decimal,
    preset: one("this-week", "last-month", "this-year", "all-time", "last-12-months"),
    format: one("csv", "xlsx", "pdf"), delimiter: one(";", ","), decimal: one(",", "."), table: one("deals", "rows"),
    status: one("open", "won", "lost", "all"), periodOn: one("created", "closed"), sort: one("amount", "createdAt", "closedAt", "title"), order: one("asc", "desc"),
    limit: fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), strange), cursor: text, category: one("new", "regular", "vip", "inactive"),
    crmUserIds: fc.array(id, { maxLength: 3 }), deleteRuleIds: fc.array(id, { maxLength: 3 }), deleteTeamIds: fc.array(id, { maxLength: 3 }),
  };
  const valueOf = (key: string): fc.Arbitrary<unknown> => plausible[key] ?? (/Id$/.test(key) ? id : text);
  const { anything } = fc.letrec<{ anything: unknown }>((tie) => ({
    anything: fc.oneof({ depthSize: "small" }, text, id, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie("anything"), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), tie("anything"), { maxKeys: 3 })),
  }));
  const field = (key: string) => fc.oneof({ weight: 6, arbitrary: valueOf(key) }, { weight: 1, arbitrary: anything });
  /** Each field of the family present five times in six. */
  const familyObject = (families: string[][]) =>
    fc.constantFrom(...families).chain((keys) =>
      fc.tuple(...keys.map((entry) => {
        const [key, fixed] = entry.split("=");
        const value = fixed === undefined ? field(key) : fc.oneof({ weight: 6, arbitrary: fc.constant(fixed) }, { weight: 1, arbitrary: field(key) });
        return fc.option(value.map((v) => [key, v] as const), { freq: 6, nil: null });
      })).map((entries) => Object.fromEntries(entries.filter((entry) => entry !== null))),
    );
  const ownFamilies = FAMILIES[pattern];

  const spendRow = fc.record({ day, team: fc.oneof(text, id), source: text, campaign: text, amount: decimal, currency: plausible.currency }, { requiredKeys: [] });
  const ruleOrTeam = familyObject([...FAMILIES["/api/traffic-teams"], ...FAMILIES["/api/attribution-rules"]]);
  plausible.rows = fc.oneof(fc.array(spendRow, { maxLength: 4 }), anything);
  plausible.upsertRules = fc.array(ruleOrTeam, { maxLength: 3 });
  plausible.upsertTeams = fc.array(ruleOrTeam, { maxLength: 3 });

  const query = fc.oneof(
    { weight: 4, arbitrary: familyObject(QUERY_FAMILIES).map((entries) => new URLSearchParams(Object.entries(entries).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])).toString()) },
    { weight: 1, arbitrary: fc.string({ unit: "binary-ascii", maxLength: 30 }).map((raw) => raw.replace(/[#\s]/g, "")) },
  );
  const csv = fc.array(fc.tuple(day, text, decimal, plausible.currency), { maxLength: 5 }).map((rows) => ["date;team;amount;currency", ...rows.map((row) => row.join(";"))].join("\r\n"));
  const body = fc.oneof(
    ...(ownFamilies ? [{ weight: 6, arbitrary: familyObject(ownFamilies).map((object) => JSON.stringify(object)) }] : []),
    { weight: ownFamilies ? 2 : 6, arbitrary: familyObject(ALL_FAMILIES).map((object) => JSON.stringify(object)) },
    { weight: 1, arbitrary: anything.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: text },
    { weight: 1, arbitrary: csv },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const contentType = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("application/json", "application/json; charset=utf-8") }, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "text/csv", undefined));
  return { text, id, query, body, contentType };
}

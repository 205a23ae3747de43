// Every row of the Traffic dashboard's breakdown (a team × utm_source, a team × utm_campaign) opens
// the leads and the won deals it counted: the list the link asks for (trafficTagBucket, as the
// dashboard builds it) holds exactly the row's figure — tags in any case, the row without a tag,
// and the Unattributed team — for an admin and for a manager.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "@/db/test/test-db";
import { trafficTagBucket } from "@/components/leads/lead-links";
import { scopeOf } from "@/lib/auth/scope";
import { listDeals, parseDealListQuery } from "@/lib/deals/deal-list";
import { listLeads, parseLeadListQuery } from "@/lib/leads/lead-list";
import { resolvePeriod } from "./filters";
import { getTrafficTeams } from "./traffic-teams";
import { createTrafficFixture, type TrafficFixture } from "./traffic-teams-fixtures";

let testDb: TestDb;
let fixture: TrafficFixture;
const now = new Date("2025-04-15T09:00:00Z");
const org = { baseCurrency: "KZT", timezone: "Asia/Almaty" };
const march = { from: "2025-03-01", to: "2025-03-31" };

beforeAll(async () => {
  testDb = await createTestDb();
  fixture = await createTrafficFixture(testDb.db);
});
afterAll(() => testDb.close());

function viewer(who: "admin" | "alice") {
  const user = fixture.f.users[who];
  const scope = scopeOf({ orgId: user.orgId, role: user.role, userId: user.id, departmentId: user.departmentId });
  const context = { db: testDb.db, scope, org, filters: march, period: resolvePeriod(march, org.timezone, now), now };
  // The query strings the links carry: the dashboard's filters, the bucket, and periodOn / status as leadsHref and wonBucket add them.
  const query = (bucket: Record<string, string>, extra: Record<string, string>) => new URLSearchParams({ ...march, ...extra, ...bucket });
  const leadCount = async (bucket: Record<string, string>) => {
    const { filters, page } = parseLeadListQuery(query(bucket, { periodOn: "created" }));
    return (await listLeads(testDb.db, scope, filters, page, now)).total;
  };
  const wonCount = async (bucket: Record<string, string>) => {
    const { filters, page } = parseDealListQuery(query(bucket, { status: "won", periodOn: "closed" }));
    return (await listDeals(testDb.db, scope, filters, page, now)).total;
  };
  return { context, leadCount, wonCount };
}

describe("the Traffic breakdown rows and their lists", () => {
  it("for an admin: Alpha's FB_Alpha row (fb_alpha and FB_Alpha) holds 3 leads and 1 sale, and every row's lists match it", async () => {
    const { context, leadCount, wonCount } = viewer("admin");
    const report = await getTrafficTeams(context);
    const alpha = fixture.team.alpha.id;
    const fb = report.bySource.find((row) => row.teamId === alpha && row.utmSource === "FB_Alpha")!;
    expect([fb.leads, fb.wonDeals]).toEqual([3, 1]);
    expect(await leadCount(trafficTagBucket(alpha, "utmSource", "FB_Alpha"))).toBe(3);
    expect(await wonCount(trafficTagBucket(alpha, "utmSource", "FB_Alpha"))).toBe(1);
    // Alpha by campaign: spring 2 leads, summer 1, none (carol's ig_alpha) 1 lead and 1 sale
    const campaigns = report.byCampaign.filter((row) => row.teamId === alpha).map((row) => [row.utmCampaign, row.leads, row.wonDeals]);
    expect(campaigns).toEqual([
      ["spring", 2, 1],
      [null, 1, 1],
      ["summer", 1, 0],
    ]);
    for (const row of report.bySource) {
      const bucket = trafficTagBucket(row.teamId, "utmSource", row.utmSource);
      expect(await leadCount(bucket), `leads of ${row.teamId} / ${row.utmSource}`).toBe(row.leads);
      expect(await wonCount(bucket), `won of ${row.teamId} / ${row.utmSource}`).toBe(row.wonDeals);
    }
    for (const row of report.byCampaign) {
      const bucket = trafficTagBucket(row.teamId, "utmCampaign", row.utmCampaign);
      expect(await leadCount(bucket), `leads of ${row.teamId} / ${row.utmCampaign}`).toBe(row.leads);
      expect(await wonCount(bucket), `won of ${row.teamId} / ${row.utmCampaign}`).toBe(row.wonDeals);
    }
  });

  it("for a manager: only alice's own leads and sales, row by row", async () => {
    const { context, leadCount, wonCount } = viewer("alice");
    const report = await getTrafficTeams(context);
    // alice: Alpha spring ×2 (one at 1 March 00:30 local) and its 100 000 ₸ sale, Beta webinar, Epsilon eps
    // (Beta's and Delta's untagged spend make rows with no leads: left out here)
    const counted = report.bySource.filter((row) => row.leads > 0 || row.wonDeals > 0);
    expect(counted.map((row) => [row.utmSource, row.leads, row.wonDeals])).toEqual([
      ["fb_alpha", 2, 1],
      ["tt_beta", 1, 0],
      ["eps", 1, 0],
    ]);
    for (const row of [...report.bySource, ...report.byCampaign]) {
      const [key, value] = "utmSource" in row ? (["utmSource", row.utmSource] as const) : (["utmCampaign", row.utmCampaign] as const);
      expect(await leadCount(trafficTagBucket(row.teamId, key, value))).toBe(row.leads);
      expect(await wonCount(trafficTagBucket(row.teamId, key, value))).toBe(row.wonDeals);
    }
  });

  it("refuses a tag case other than any, and a deal list's notSet other than the two tags, with the field named", () => {
    expect(() => parseDealListQuery(new URLSearchParams({ utmSource: "x", tagCase: "upper" }))).toThrow(/tagCase/);
    expect(() => parseDealListQuery(new URLSearchParams({ notSet: "channel" }))).toThrow(/notSet/);
    expect(() => parseLeadListQuery(new URLSearchParams({ utmCampaign: "  " }))).toThrow(/utmCampaign/);
  });
});

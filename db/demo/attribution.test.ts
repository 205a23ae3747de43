import { describe, expect, it } from "vitest";
import { attributeUtm, TAG_SETS, TEAMS } from "./attribution";

const teams = TEAMS.map((t) => ({ id: t.key, primarySourceCode: t.primarySourceCode, keywords: t.keywords }));

describe("attributeUtm (the demo through lib/attribution and the example rules)", () => {
  it("is high for a team's primary source code, case-insensitively", () => {
    expect(attributeUtm({ utmSource: "FB_Kenesary", utmCampaign: "whatever" }, teams)).toEqual({ trafficTeamId: "kenesary", attributionConfidence: "high" });
  });

  it("is medium when a keyword is contained in utm_source or utm_campaign", () => {
    expect(attributeUtm({ utmSource: "facebook", utmCampaign: "RM Almaty — весна" }, teams)).toEqual({ trafficTeamId: "arystan", attributionConfidence: "medium" });
    expect(attributeUtm({ utmSource: "instagram", utmCampaign: "ЗАПУСК_поток" }, teams)).toEqual({ trafficTeamId: "muha", attributionConfidence: "medium" });
    expect(attributeUtm({ utmSource: "alex_ads", utmCampaign: null }, teams)).toEqual({ trafficTeamId: "traf4", attributionConfidence: "medium" });
  });

  it("is low with no team for tags that match nothing, and without tags", () => {
    expect(attributeUtm({ utmSource: "google", utmCampaign: "brand_search" }, teams)).toEqual({ trafficTeamId: null, attributionConfidence: "low" });
    expect(attributeUtm({ utmSource: null, utmCampaign: "" }, teams)).toEqual({ trafficTeamId: null, attributionConfidence: "low" });
  });

  it("lands every demo tag set on the team it is meant for, and matches no other team's keywords", () => {
    for (const set of TAG_SETS) {
      expect(attributeUtm(set, teams).trafficTeamId, `${set.utmSource} / ${set.utmCampaign}`).toBe(set.team);
      const text = `${set.utmSource} ${set.utmCampaign}`.toLowerCase();
      const matching = TEAMS.filter((t) => t.keywords.some((k) => text.includes(k)) || t.primarySourceCode === set.utmSource);
      expect(matching.map((t) => t.key), `${set.utmSource} / ${set.utmCampaign}`).toEqual(set.team ? [set.team] : []);
    }
  });
});

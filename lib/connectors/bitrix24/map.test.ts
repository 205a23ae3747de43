// Bitrix24 rows shaped like the documented samples (docs/bitrix24-wire.md).
import { describe, expect, it } from "vitest";
import { mapB24Activity, mapB24CallDurations } from "./map-activity";
import { mapB24Category, mapB24SourceNames, mapB24Stage, mapB24User } from "./map-directory";
import { mapB24Deal } from "./map-deal";
import { mapB24Lead } from "./map-lead";
import { mapB24Contact } from "./map-party";
import { mapB24LeadStatusHistory } from "./map-lead-status-history";
import { mapB24StageHistory } from "./map-stage-history";

const dealRow = {
  ID: "410", TITLE: "New Deal #1", CATEGORY_ID: "1", STAGE_ID: "C1:WON", STAGE_SEMANTIC_ID: "S", CURRENCY_ID: "EUR",
  OPPORTUNITY: "1000000.00", LEAD_ID: null, COMPANY_ID: "9", CONTACT_ID: "0", ASSIGNED_BY_ID: "1",
  DATE_CREATE: "2024-08-30T14:29:00+02:00", DATE_MODIFY: "2024-09-02T10:00:00+02:00", CLOSEDATE: "2024-09-09T02:00:00+02:00",
  MOVED_BY_ID: "6", MOVED_TIME: "2024-09-01T12:00:00+02:00", SOURCE_ID: "CALLBACK",
  UTM_SOURCE: "google", UTM_MEDIUM: "CPC", UTM_CAMPAIGN: null, UTM_CONTENT: "", UTM_TERM: null, UF_CRM_UTM: "from-uf",
};

describe("Bitrix24 mappers", () => {
  it("maps a won deal: exact amount, funnel, stage, manager, UTM, close time from MOVED_TIME (not CLOSEDATE)", () => {
    const deal = mapB24Deal(dealRow, { sourceNames: new Map([["CALLBACK", "Обратный звонок"]]) });
    expect(deal).toMatchObject({
      externalId: "410", pipelineExternalId: "1", stageExternalId: "C1:WON", stageSemantic: "won", amount: "1000000.00", currency: "EUR",
      crmUserExternalId: "1", companyExternalId: "9", contactExternalId: null, leadExternalId: null, channel: "Обратный звонок",
      utmSource: "google", utmMedium: "CPC", utmCampaign: null, utmContent: null, movedByExternalId: "6",
    });
    // 12:00 at +02:00 is 10:00 UTC
    expect(deal.closedAt?.toISOString()).toBe("2024-09-01T10:00:00.000Z");
    expect(deal.updatedAt?.toISOString()).toBe("2024-09-02T08:00:00.000Z");
    const open = mapB24Deal({ ...dealRow, STAGE_ID: "C1:NEW", STAGE_SEMANTIC_ID: "P", CATEGORY_ID: null, OPPORTUNITY: "" });
    expect(open).toMatchObject({ stageSemantic: "open", closedAt: null, pipelineExternalId: "0", amount: "0", channel: "CALLBACK" });
    const fromUf = mapB24Deal(dealRow, { utmFields: { utmSource: "UF_CRM_UTM", utmMedium: "UTM_MEDIUM", utmCampaign: "UTM_CAMPAIGN", utmContent: "UTM_CONTENT", utmTerm: "UTM_TERM" } });
    expect(fromUf.utmSource).toBe("from-uf");
  });

  it("maps a converted lead and a junk one", () => {
    const lead = mapB24Lead({
      ID: "5", TITLE: "Lead 1", STATUS_ID: "CONVERTED", STATUS_SEMANTIC_ID: "S", SOURCE_ID: "CALL", CURRENCY_ID: "USD", OPPORTUNITY: "15000.00",
      ASSIGNED_BY_ID: "1", CONTACT_ID: "2069", DATE_CREATE: "2021-05-31T15:10:16+02:00", DATE_MODIFY: "2021-11-26T18:56:13+02:00",
      DATE_CLOSED: "2021-07-16T16:43:44+02:00", UTM_SOURCE: null,
    });
    expect(lead).toMatchObject({ statusSemantic: "converted", amount: "15000.00", currency: "USD", contactExternalId: "2069", channel: "CALL" });
    expect(lead.convertedAt?.toISOString()).toBe("2021-07-16T14:43:44.000Z");
    expect(mapB24Lead({ ID: "6", STATUS_ID: "JUNK", STATUS_SEMANTIC_ID: "F", DATE_CREATE: "2021-05-31T15:10:16+02:00", DATE_CLOSED: "" })).toMatchObject({ statusSemantic: "junk", convertedAt: null, amount: null });
  });

  it("maps a contact's name and first phone and e-mail", () => {
    expect(
      mapB24Contact({
        ID: "75", NAME: "Anastasia", LAST_NAME: "Ilyina", ASSIGNED_BY_ID: "6", DATE_CREATE: "2024-02-26T00:00:00+02:00",
        PHONE: [{ ID: "8303", VALUE_TYPE: "WORK", VALUE: "+19998887766", TYPE_ID: "PHONE" }], EMAIL: [{ ID: "215", VALUE: "special-for@example.com" }],
      }),
    ).toMatchObject({ externalId: "75", name: "Anastasia Ilyina", phone: "+19998887766", email: "special-for@example.com", crmUserExternalId: "6" });
  });

  it("maps activities by TYPE_ID, direction and completion, with talk time from voximplant statistics", () => {
    const call = {
      ID: "20", OWNER_ID: "15", OWNER_TYPE_ID: "2", TYPE_ID: "2", PROVIDER_ID: "VOXIMPLANT_CALL", SUBJECT: "Outgoing call",
      START_TIME: "2020-09-27T13:25:00+03:00", END_TIME: "2020-09-27T19:25:00+03:00", COMPLETED: "Y", RESPONSIBLE_ID: "505",
      DIRECTION: "2", LAST_UPDATED: "2021-03-21T20:28:24+03:00",
    };
    const durations = mapB24CallDurations([{ CRM_ACTIVITY_ID: "20", CALL_DURATION: "185" }]);
    expect(mapB24Activity(call, durations)).toMatchObject({ type: "call", direction: "out", isCompleted: true, dealExternalId: "15", crmUserExternalId: "505", durationSeconds: 185 });
    expect(mapB24Activity({ ...call, TYPE_ID: "4", DIRECTION: "1", OWNER_TYPE_ID: "1" })).toMatchObject({ type: "email", direction: "in", leadExternalId: "15", dealExternalId: null });
    expect(mapB24Activity({ ...call, TYPE_ID: "1", COMPLETED: "N" })).toMatchObject({ type: "meeting", direction: null, isCompleted: false });
    expect(mapB24Activity({ ...call, TYPE_ID: "5", PROVIDER_ID: "CALENDAR" })).toBeNull();
  });

  it("maps users, funnels, stages with semantics and source names", () => {
    expect(mapB24User({ ID: "1", ACTIVE: true, NAME: "Vadim", LAST_NAME: "Valeev", EMAIL: "v@bitrix.com", UF_DEPARTMENT: [1] })).toEqual({
      externalId: "1", name: "Vadim Valeev", email: "v@bitrix.com", isActive: true, departmentExternalId: "1",
    });
    expect(mapB24Category({ id: 0, name: "General", sort: 300, isDefault: "Y" })).toEqual({ externalId: "0", name: "General", sort: 300 });
    expect(mapB24Stage({ ENTITY_ID: "DEAL_STAGE", STATUS_ID: "APOLOGY", NAME: "Анализ", SORT: "80", CATEGORY_ID: null, SEMANTICS: "F", EXTRA: { SEMANTICS: "apology", COLOR: "#FF5752" } })).toMatchObject({
      pipelineExternalId: "0", externalId: "APOLOGY", sort: 80, semantic: "lost", color: "#FF5752",
    });
    expect(mapB24Stage({ ENTITY_ID: "DEAL_STAGE_1", STATUS_ID: "C1:NEW", NAME: "New", SORT: "10", CATEGORY_ID: "1", SEMANTICS: null })).toMatchObject({ pipelineExternalId: "1", semantic: "open" });
    expect(mapB24Stage({ ENTITY_ID: "SOURCE", STATUS_ID: "CALL" })).toBeNull();
    expect(mapB24SourceNames([{ ENTITY_ID: "SOURCE", STATUS_ID: "CALL", NAME: "Звонок" }]).get("CALL")).toBe("Звонок");
  });

  it("maps stage history rows with the previous stage of the same deal as 'from'", () => {
    const rows = mapB24StageHistory([
      { ID: "813", TYPE_ID: "3", OWNER_ID: "1534", CREATED_TIME: "2025-03-15T10:00:00+03:00", CATEGORY_ID: "0", STAGE_ID: "WON" },
      { ID: "812", TYPE_ID: "2", OWNER_ID: "1534", CREATED_TIME: "2025-03-14T16:05:11+03:00", CATEGORY_ID: "0", STAGE_ID: "PREPARATION" },
    ]);
    expect(rows.map((r) => [r.externalId, r.fromStageExternalId, r.toStageExternalId])).toEqual([
      ["812", null, "PREPARATION"],
      ["813", "PREPARATION", "WON"],
    ]);
  });

  it("maps lead status history rows (STATUS_ID, STATUS_SEMANTIC_ID) with the previous status of the same lead as 'from'", () => {
    const rows = mapB24LeadStatusHistory([
      { ID: "21", TYPE_ID: "3", OWNER_ID: "7", CREATED_TIME: "2025-03-15T10:00:00+03:00", STATUS_ID: "CONVERTED", STATUS_SEMANTIC_ID: "S" },
      { ID: "20", TYPE_ID: "1", OWNER_ID: "7", CREATED_TIME: "2025-03-14T16:05:11+03:00", STATUS_ID: "NEW", STATUS_SEMANTIC_ID: "P" },
      { ID: "22", TYPE_ID: "3", OWNER_ID: "8", CREATED_TIME: "2025-03-15T11:00:00+03:00", STATUS_ID: "JUNK", STATUS_SEMANTIC_ID: "F" },
    ]);
    expect(rows.map((r) => [r.externalId, r.leadExternalId, r.fromStatusExternalId, r.toStatusExternalId, r.semantic, r.changedAt.toISOString()])).toEqual([
      ["20", "7", null, "NEW", "open", "2025-03-14T13:05:11.000Z"],
      ["21", "7", "NEW", "CONVERTED", "converted", "2025-03-15T07:00:00.000Z"],
      ["22", "8", null, "JUNK", "junk", "2025-03-15T08:00:00.000Z"],
    ]);
  });
});

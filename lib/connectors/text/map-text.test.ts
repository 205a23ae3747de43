// The CRM rows that become conversation texts, and the ones that do not.
import { describe, expect, it } from "vitest";
import { mapAmoNote } from "../amocrm/map-text";
import { mapB24ActivityText, mapB24CallRecord, mapB24TimelineComment } from "../bitrix24/map-text";
import { recordingUrlOf } from "./recording-url";

describe("Bitrix24 texts", () => {
  it("a call without CALL_RECORD_URL or RECORD_FILE_ID is no text; one with a record keeps its link, talk time and activity", () => {
    expect(mapB24CallRecord({ ID: "1", CALL_RECORD_URL: "", RECORD_FILE_ID: null, CALL_DURATION: "30" })).toBeNull();
    expect(mapB24CallRecord({ ID: "2", CALL_RECORD_URL: "https://p.bitrix24.kz/rec/2.mp3", RECORD_FILE_ID: 77, CALL_DURATION: "125", CALL_TYPE: "2", CRM_ACTIVITY_ID: "40", CRM_ENTITY_TYPE: "CONTACT", CRM_ENTITY_ID: "9", PORTAL_USER_ID: "3", CALL_START_DATE: "2025-03-01T10:00:00+03:00" })).toEqual({
      externalId: "call:2", kind: "bitrix_call_record", body: "", activityExternalId: "40", leadExternalId: null, contactExternalId: "9", companyExternalId: null, crmUserExternalId: "3",
      direction: "in", occurredAt: new Date("2025-03-01T07:00:00Z"), recordingUrl: "https://p.bitrix24.kz/rec/2.mp3", recordFileId: "77", durationSeconds: 125, updatedAt: null,
    });
  });
  it("only an http(s) link is a recording link", () => {
    expect([recordingUrlOf("javascript:alert(1)"), recordingUrlOf("ftp://x/1.mp3"), recordingUrlOf("not a url"), recordingUrlOf("https://x.kz/1.mp3")]).toEqual([null, null, null, "https://x.kz/1.mp3"]);
  });
  it("an activity's HTML description becomes plain text on its owner; calendar imports are not read", () => {
    const text = mapB24ActivityText({ ID: "5", TYPE_ID: "4", OWNER_TYPE_ID: "2", OWNER_ID: "11", DESCRIPTION: "<p>Цена <b>высокая</b></p>", DESCRIPTION_TYPE: "3", DIRECTION: "1", RESPONSIBLE_ID: "2", START_TIME: "2025-03-01T10:00:00+03:00", LAST_UPDATED: "2025-03-01T11:00:00+03:00" });
    expect(text).toMatchObject({ externalId: "activity:5", body: "Цена высокая", dealExternalId: "11", activityExternalId: "5", direction: "in", crmUserExternalId: "2" });
    expect(mapB24ActivityText({ ID: "6", TYPE_ID: "5", PROVIDER_ID: "CALENDAR", DESCRIPTION: "x" })).toBeNull();
  });
  it("a timeline comment names its deal and author", () => {
    expect(mapB24TimelineComment({ ID: "8", ENTITY_TYPE: "deal", ENTITY_ID: "12", AUTHOR_ID: "4", COMMENT: "[B]Важно[/B]", CREATED: "2025-03-01T10:00:00+03:00" })).toMatchObject({ externalId: "comment:8", body: "Важно", dealExternalId: "12", crmUserExternalId: "4" });
  });
});

describe("amoCRM notes", () => {
  it("reads common, call, SMS and service notes; an attachment is no text", () => {
    const base = { id: 3, entity_id: 300, created_by: 7, responsible_user_id: 8, created_at: 1740000000, updated_at: 1740000100 };
    expect(mapAmoNote({ ...base, note_type: "common", params: { text: "Дорого" } }, "leads")).toMatchObject({ externalId: "lead-note:3", kind: "amocrm_note_common", body: "Дорого", dealExternalId: "300", leadExternalId: "300", crmUserExternalId: "7" });
    expect(mapAmoNote({ ...base, note_type: "call_out", params: { duration: 95, link: "https://rec.kz/3.mp3", phone: "+7701" } }, "contacts")).toMatchObject({ externalId: "contact-note:3", kind: "amocrm_note_call_out", body: "", contactExternalId: "300", dealExternalId: null, direction: "out", durationSeconds: 95, recordingUrl: "https://rec.kz/3.mp3" });
    expect(mapAmoNote({ ...base, note_type: "sms_in", params: { text: "Жду счёт" } }, "companies")).toMatchObject({ externalId: "company-note:3", kind: "amocrm_note_sms", direction: "in", companyExternalId: "300" });
    expect(mapAmoNote({ ...base, note_type: "extended_service_message", params: { service: "Бот", text: "КП отправлено" } }, "leads")).toMatchObject({ kind: "amocrm_note_service", body: "КП отправлено" });
    expect(mapAmoNote({ ...base, note_type: "attachment", params: { file_name: "a.pdf" } }, "leads")).toBeNull();
  });
});

// amoCRM items shaped like captured answers (docs/amocrm-wire.md).
import { describe, expect, it } from "vitest";
import { amoFieldReader } from "./field-mapping";
import { mapAmoCallNote, mapAmoTask } from "./map-activity";
import { mapAmoPipeline, mapAmoUser } from "./map-directory";
import { mapAmoStatusEvent } from "./map-events";
import { mapAmoLead } from "./map-lead";
import { mapAmoContact } from "./map-party";

const lead = {
  id: 9228191, name: "Заявка с сайта", price: 124000, responsible_user_id: 7902115, status_id: 143, pipeline_id: 5204152,
  created_at: 1651320035, updated_at: 1654014416, closed_at: 1652194613, is_deleted: false,
  custom_fields_values: [
    { field_id: 838363, field_name: "lead_type", field_code: null, field_type: "text", values: [{ value: "b2c" }] },
    { field_id: 24807, field_name: "utm_source", field_code: "UTM_SOURCE", field_type: "tracking_data", values: [{ value: "google" }] },
    { field_id: 436799, field_name: "utm_medium", field_code: "UTM_MEDIUM", field_type: "tracking_data", values: [{ value: "cpc" }] },
    { field_id: 1184205, field_name: "Кампания", field_code: null, field_type: "text", values: [{ value: "spring" }] },
  ],
  _embedded: { tags: [], companies: [{ id: 10971463 }], contacts: [{ id: 1, is_main: false }, { id: 148775, is_main: true }] },
};

describe("amoCRM mappers", () => {
  it("maps a lost lead to a deal: status 143 in its pipeline, budget, manager, UTM by field code, close time", () => {
    const deal = mapAmoLead(lead, { currency: "RUB", fields: amoFieldReader({ utmFields: { utm_campaign: 1184205 } }) });
    expect(deal).toMatchObject({
      externalId: "9228191", pipelineExternalId: "5204152", stageExternalId: "143", stageSemantic: "lost", amount: "124000", currency: "RUB",
      crmUserExternalId: "7902115", contactExternalId: "148775", companyExternalId: "10971463",
      utmSource: "google", utmMedium: "cpc", utmCampaign: "spring", deletedAt: null,
    });
    expect(deal.closedAt?.toISOString()).toBe(new Date(1652194613 * 1000).toISOString());
    expect(mapAmoLead({ ...lead, status_id: 142 }, { currency: "KZT" }).stageSemantic).toBe("won");
    expect(mapAmoLead({ ...lead, status_id: 555, closed_at: null, custom_fields_values: null }, { currency: "KZT" })).toMatchObject({ stageSemantic: "open", closedAt: null, utmSource: null });
    expect(mapAmoLead({ ...lead, is_deleted: true }, { currency: "KZT" }).deletedAt?.toISOString()).toBe(new Date(1654014416 * 1000).toISOString());
  });

  it("maps pipelines with 142/143 as won/lost, users, contacts", () => {
    const { pipeline, stages } = mapAmoPipeline({
      id: 3177727, name: "Воронка", sort: 1,
      _embedded: { statuses: [{ id: 32392156, name: "Неразобранное", sort: 10 }, { id: 142, name: "Успешно", sort: 10000 }, { id: 143, name: "Закрыто", sort: 11000 }] },
    });
    expect(pipeline).toMatchObject({ externalId: "3177727", name: "Воронка", sort: 1 });
    expect(stages.map((s) => [s.externalId, s.semantic, s.sort])).toEqual([["32392156", "open", 10], ["142", "won", 10000], ["143", "lost", 11000]]);
    expect(mapAmoUser({ id: 123123, name: "Иван Петров", email: "m@example.com", rights: { is_active: false, group_id: 267688 } })).toEqual({
      externalId: "123123", name: "Иван Петров", email: "m@example.com", isActive: false, departmentExternalId: "267688",
    });
    expect(
      mapAmoContact({
        id: 3, name: "Иван Иванов", responsible_user_id: 504141, updated_at: 1590943929,
        custom_fields_values: [
          { field_id: 617295, field_code: "PHONE", field_type: "multitext", values: [{ value: "+79001234567", enum_code: "WORK" }] },
          { field_id: 617297, field_code: "EMAIL", field_type: "multitext", values: [{ value: "client@example.com" }] },
        ],
        _embedded: { companies: [{ id: 1 }] },
      }),
    ).toMatchObject({ externalId: "3", phone: "+79001234567", email: "client@example.com", companyExternalId: "1", crmUserExternalId: "504141" });
  });

  it("maps tasks by type, call notes with duration, and status-change events", () => {
    expect(mapAmoTask({ id: 4745251, responsible_user_id: 123123, entity_id: 167353, entity_type: "leads", is_completed: true, task_type_id: 1, text: "Перезвонить", complete_till: 1575665940, updated_at: 1575364851 })).toMatchObject({
      externalId: "task:4745251", type: "call", isCompleted: true, dealExternalId: "167353", crmUserExternalId: "123123",
    });
    expect(mapAmoTask({ id: 2, entity_type: "contacts", entity_id: 9, task_type_id: 2, is_completed: false, complete_till: 1575665940 })).toMatchObject({ type: "meeting", contactExternalId: "9", isCompleted: false });
    expect(mapAmoCallNote({ id: 77, entity_id: 167353, note_type: "call_in", responsible_user_id: 5, created_at: 1575364000, params: { duration: 95, phone: "+7701" } })).toMatchObject({
      externalId: "note:77", type: "call", direction: "in", durationSeconds: 95, dealExternalId: "167353",
    });
    expect(mapAmoCallNote({ id: 78, note_type: "common" })).toBeNull();
    const event = mapAmoStatusEvent({
      id: "01kysdbvsnt5n43xgp5hmp2k77", type: "lead_status_changed", entity_id: 34079577, entity_type: "lead", created_by: 0, created_at: 1785411792,
      value_after: [{ lead_status: { id: 143, pipeline_id: 7670334 } }], value_before: [{ lead_status: { id: 63384122, pipeline_id: 7670334 } }],
    });
    expect(event).toMatchObject({ dealExternalId: "34079577", pipelineExternalId: "7670334", toStageExternalId: "143", fromStageExternalId: "63384122", crmUserExternalId: null });
  });
});

// A lead hook's custom fields read through the source's field mapping, as the sync reads them: the
// webhook shape (docs/amocrm-wire.md, "Webhooks") with a tracking field and an old text field.
import { describe, expect, it } from "vitest";
import { amoFieldReader } from "@/lib/connectors/amocrm/field-mapping";
import { parseBracketForm } from "../receive/form-body";
import { encodeBracketForm } from "../test/bodies";
import { mapAmoLead } from "./map-webhook";

const body = encodeBracketForm({
  leads: {
    status: [
      {
        id: "30000009", name: "Заявка", status_id: "47888833", pipeline_id: "4542166", price: "0", responsible_user_id: "7902115",
        date_create: "1765000000", last_modified: "1765000100",
        custom_fields: [
          { id: "24807", name: "utm_source", code: "UTM_SOURCE", values: [{ value: "google" }] },
          { id: "24990", name: "utm_source (старое поле)", values: [{ value: "fb_ads" }] },
          { id: "24811", name: "gclid", code: "GCLID", values: [{ value: "Cj0KCQiA-AbC" }] },
          { id: "24813", name: "utm_referrer", code: "UTM_REFERRER" },
        ],
      },
    ],
  },
});
const item = (parseBracketForm(body).leads as unknown as { status: Parameters<typeof mapAmoLead>[0][] }).status[0];

describe("an amoCRM lead hook's UTM tags and click ids", () => {
  it("by default: the tracking fields by code; an empty tracking field (no values) is null", () => {
    expect(mapAmoLead(item, "KZT", amoFieldReader({}))!.record).toMatchObject({ utmSource: "google", gclid: "Cj0KCQiA-AbC", referrer: null, fbclid: null });
  });

  it("mapped: the old field first wins over the tracking field; other keys keep their default", () => {
    const reader = amoFieldReader({ fieldMapping: { utm_source: [24990, 24807] } });
    expect(mapAmoLead(item, "KZT", reader)!.record).toMatchObject({ utmSource: "fb_ads", gclid: "Cj0KCQiA-AbC" });
  });
});

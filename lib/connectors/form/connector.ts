// A site form: it posts submissions to an address that carries the source's secret; they become
// form leads, matched to the CRMs' leads and deals (lib/forms/match.ts).
import { applyFormBatch } from "@/lib/ingest/form/apply-batch";
import { PermanentEventError } from "@/lib/ingest/event-failure";
import { inspectForm } from "@/lib/ingest/receive/form";
import { ValidationError } from "@/lib/errors";
import type { Connector } from "../connector";
import { formDescriptor } from "./descriptor";

export const formConnector: Connector<"form"> = {
  descriptor: formDescriptor,
  stored: () => ({ baseUrl: null, credentials: null, settings: {} }),
  crm: null,
  noCrm: () => new ValidationError("A site form has no CRM to connect to or sync from: it posts its submissions to Voronka", { code: "form_has_no_crm" }),
  receive: (source, delivery) => inspectForm(source, delivery.urlSecret, delivery.contentType, delivery.body),
  applyBatch: (tx, source, events, _deps, org) => applyFormBatch(tx, source, events, org),
  applyEvent: async (tx, source, event, _deps, org) => {
    // One event alone: its verdict decides as an exception would.
    const verdict = (await applyFormBatch(tx, source, [event], org)).get(event.id);
    if (verdict?.status === "rejected") throw new PermanentEventError(verdict.failure);
    return verdict?.status === "ignored" ? { ignored: verdict.failure } : {};
  },
};

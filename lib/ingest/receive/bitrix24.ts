// Bitrix24 outbound events: form-encoded, the proof of origin is auth[application_token], plus
// the portal's member_id/domain once the source knows them (lib/sources/crm-account.ts). The
// event carries only an ID.
import { FormBodyError, parseBracketForm, textAt } from "./form-body";
import { safeEqual } from "./secrets";
import { compareAccount, storedAccount } from "@/lib/sources/crm-account";
import { bitrixApplicationToken, type SourceRow } from "./source-settings";
import { contentTypeFailure, formHasNul, isFormContentType, NUL_FAILURE, type Verdict } from "./verdict";
import { eventFailure, type EventFailure } from "../event-failure";

const ENTITIES = ["DEAL", "LEAD", "CONTACT", "COMPANY", "ACTIVITY"];
const ACTIONS = ["ADD", "UPDATE", "DELETE"];
/** Events the processor applies; every other event is stored and ignored. */
export const BITRIX_EVENTS = new Set([...ENTITIES.flatMap((e) => ACTIONS.map((a) => `ONCRM${e}${a}`)), "ONCRMDEALMOVETOCATEGORY"]);

const SECRET_KEYS = new Set(["auth[access_token]", "auth[refresh_token]", "auth[application_token]"]);

/**
 * The stored copy keeps no portal secrets: they were checked and are never needed again. A key is
 * judged as the form parser reads it (percent-escapes of any letter, any case, decoded), so no
 * spelling of `auth[application_token]` slips through; every other byte of the body is kept.
 */
export function maskBitrixSecrets(body: string): string {
  return body
    .split("&")
    .map((pair) => {
      const rawKey = pair.split("=", 1)[0];
      const [key] = new URLSearchParams(`${rawKey}=`).keys();
      return key !== undefined && SECRET_KEYS.has(key.toLowerCase()) ? `${rawKey}=***` : pair;
    })
    .join("&");
}

export function inspectBitrix24(source: SourceRow, contentType: string | null, body: string): Verdict {
  const params = new URLSearchParams(body);
  const expected = bitrixApplicationToken(source);
  if (!expected) return { kind: "unauthorized", message: "No application token is saved for this source yet" };
  if (!safeEqual(params.get("auth[application_token]") ?? "", expected)) return { kind: "unauthorized", message: "The application token does not match" };
  // The portal that sent it must be the one this source is (member_id decides; it survives a rename).
  const account = { id: params.get("auth[member_id]") ?? undefined, domain: params.get("auth[domain]") ?? undefined };
  const known = storedAccount(source);
  const match = compareAccount(known, account);
  if (match === "other") return { kind: "unauthorized", message: "The event comes from another portal" };
  if (match === "unknown" && (known.id || known.domain)) return { kind: "unauthorized", message: "The event does not name its portal (auth[member_id], auth[domain])" };

  const stored = maskBitrixSecrets(body);
  const event = params.get("event")?.toUpperCase() ?? null;
  const reject = (failure: EventFailure, answerStatus: number): Verdict => ({ kind: "store", status: "rejected", eventType: event, failure, body: stored, answerStatus, account });
  if (!isFormContentType(contentType)) return reject(contentTypeFailure(contentType, "application/x-www-form-urlencoded"), 415);
  if (formHasNul(body)) return reject(NUL_FAILURE, 400);
  let form;
  try {
    form = parseBracketForm(body);
  } catch (error) {
    return reject(eventFailure("webhook_form_unreadable", undefined, error instanceof FormBodyError ? error.message : undefined), 400);
  }
  if (!event) return reject(eventFailure("webhook_no_event"), 400);
  if (!BITRIX_EVENTS.has(event)) return { kind: "store", status: "ignored", eventType: event, failure: eventFailure("webhook_event_unused", { event }), body: stored, answerStatus: 200, account };
  const id = textAt(form, "data", "FIELDS", "ID");
  if (!id || !/^\d+$/.test(id)) return reject(eventFailure("webhook_no_entity_id"), 400);
  return { kind: "store", status: "pending", eventType: event, body: stored, answerStatus: 200, account };
}

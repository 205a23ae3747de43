// Bitrix24 outbound events: form-encoded, the only proof of origin is auth[application_token]
// (plus the portal's member_id/domain when we know them). The event carries only an ID.
import { FormBodyError, parseBracketForm, textAt } from "./form-body";
import { safeEqual } from "./secrets";
import { bitrixApplicationToken, bitrixPortal, type SourceRow } from "./source-settings";
import { formHasNul, isFormContentType, NUL_REASON, type Verdict } from "./verdict";

const ENTITIES = ["DEAL", "LEAD", "CONTACT", "COMPANY", "ACTIVITY"];
const ACTIONS = ["ADD", "UPDATE", "DELETE"];
/** Events the processor applies; every other event is stored and ignored. */
export const BITRIX_EVENTS = new Set([...ENTITIES.flatMap((e) => ACTIONS.map((a) => `ONCRM${e}${a}`)), "ONCRMDEALMOVETOCATEGORY"]);

const TOKEN_KEYS = /((?:^|&)auth(?:%5B|\[)(?:access_token|refresh_token|application_token)(?:%5D|\]))=[^&]*/gi;

/** The stored copy keeps no portal secrets: they were checked and are never needed again. */
export function maskBitrixSecrets(body: string): string {
  return body.replace(TOKEN_KEYS, "$1=***");
}

export function inspectBitrix24(source: SourceRow, contentType: string | null, body: string): Verdict {
  const params = new URLSearchParams(body);
  const expected = bitrixApplicationToken(source);
  if (!expected) return { kind: "unauthorized", message: "No application token is saved for this source yet" };
  if (!safeEqual(params.get("auth[application_token]") ?? "", expected)) return { kind: "unauthorized", message: "The application token does not match" };
  const portal = bitrixPortal(source);
  const memberId = params.get("auth[member_id]");
  const domain = params.get("auth[domain]")?.toLowerCase();
  if (portal.memberId && memberId && memberId !== portal.memberId) return { kind: "unauthorized", message: "The event comes from another portal" };
  if (portal.domain && domain && domain !== portal.domain) return { kind: "unauthorized", message: "The event comes from another portal" };

  const stored = maskBitrixSecrets(body);
  const event = params.get("event")?.toUpperCase() ?? null;
  const reject = (reason: string, answerStatus: number): Verdict => ({ kind: "store", status: "rejected", eventType: event, reason, body: stored, answerStatus });
  if (!isFormContentType(contentType)) return reject(`Content type ${contentType ?? "(none)"} is not application/x-www-form-urlencoded`, 415);
  if (formHasNul(body)) return reject(NUL_REASON, 400);
  let form;
  try {
    form = parseBracketForm(body);
  } catch (error) {
    return reject(error instanceof FormBodyError ? `Malformed form body: ${error.message}` : "Malformed form body", 400);
  }
  if (!event) return reject("No event name in the body", 400);
  if (!BITRIX_EVENTS.has(event)) return { kind: "store", status: "ignored", eventType: event, reason: `Event ${event} is not used by Voronka`, body: stored, answerStatus: 200 };
  const id = textAt(form, "data", "FIELDS", "ID");
  if (!id || !/^\d+$/.test(id)) return reject("data[FIELDS][ID] is missing or not a number", 400);
  return { kind: "store", status: "pending", eventType: event, body: stored, answerStatus: 200 };
}

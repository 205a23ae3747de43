// amoCRM account and Digital Pipeline webhooks: form-encoded, unsigned. The guard is the secret in
// the URL plus the account block, checked against the account amoCRM reported for the source. amoCRM disables a hook after many non-2xx answers, so anything we
// can store is answered 200, even when it is rejected or ignored.
import { FormBodyError, isFormObject, listOf, parseBracketForm, textAt, type FormObject } from "./form-body";
import { safeEqual } from "./secrets";
import { compareAccount, storedAccount } from "@/lib/sources/crm-account";
import type { SourceRow } from "./source-settings";
import { contentTypeFailure, formHasNul, isFormContentType, NUL_FAILURE, type Verdict } from "./verdict";
import { eventFailure, type EventFailure } from "../event-failure";

export const AMO_ENTITIES = ["leads", "contacts", "companies"] as const;
export const AMO_ACTIONS = ["add", "update", "status", "delete", "restore", "responsible"] as const;

/** "leads[status]", "contacts[add]"… present in the body with at least one item, in a stable order. */
export function amoEventKeys(form: FormObject): string[] {
  const keys: string[] = [];
  for (const entity of AMO_ENTITIES) {
    const byAction = form[entity];
    if (!isFormObject(byAction)) continue;
    for (const action of AMO_ACTIONS) if (listOf(byAction[action]).length > 0) keys.push(`${entity}[${action}]`);
  }
  return keys;
}

/** Every top-level entity[action] pair, known or not, for the stored event type. */
function allEventKeys(form: FormObject): string[] {
  return Object.entries(form)
    .filter(([entity, node]) => entity !== "account" && isFormObject(node))
    .flatMap(([entity, node]) => Object.keys(node as FormObject).map((action) => `${entity}[${action}]`));
}

export function inspectAmocrm(source: SourceRow, urlSecret: string, contentType: string | null, body: string): Verdict {
  if (!safeEqual(urlSecret, source.webhookSecret)) return { kind: "unauthorized", message: "The webhook secret does not match" };
  let form: FormObject | null = null;
  let parseError: string | undefined;
  try {
    form = parseBracketForm(body);
  } catch (error) {
    parseError = error instanceof FormBodyError ? error.message : undefined;
  }
  const accountId = form ? textAt(form, "account", "id") : undefined;
  const subdomain = form ? textAt(form, "account", "subdomain") : undefined;
  // The account amoCRM reported for this source (its id decides: a subdomain can be renamed).
  const account = { id: accountId, domain: subdomain };
  if (compareAccount(storedAccount(source), account) === "other") return { kind: "unauthorized", message: "The webhook comes from another amoCRM account" };
  const stored = (status: "pending" | "rejected" | "ignored", eventType: string | null, failure?: EventFailure): Verdict => ({
    kind: "store",
    status,
    eventType,
    failure,
    body,
    answerStatus: 200,
    account,
  });
  if (!form) return stored("rejected", null, eventFailure("webhook_form_unreadable", undefined, parseError));
  const all = allEventKeys(form);
  const eventType = all.length ? all.join(",").slice(0, 200) : null;
  if (!isFormContentType(contentType)) return stored("rejected", eventType, contentTypeFailure(contentType, "application/x-www-form-urlencoded"));
  if (formHasNul(body)) return stored("rejected", eventType, NUL_FAILURE);
  if (!accountId && !subdomain) return stored("rejected", eventType, eventFailure("webhook_no_account"));
  if (amoEventKeys(form).length === 0) return stored("ignored", eventType, eventType ? eventFailure("webhook_event_unused", { event: eventType }) : eventFailure("webhook_no_event"));
  return stored("pending", eventType);
}

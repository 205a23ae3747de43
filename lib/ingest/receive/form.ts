// Site forms (Tilda's webhook, or any form posting urlencoded fields or JSON): unsigned, so the
// guard is the secret in the path, compared in constant time. Tilda's connection check (`test=test`)
// is answered `ok` and stored nowhere. A post is judged whole at receipt — a form is ours to
// document, so one without a phone or an e-mail is stored as rejected and answered 400 with why.
import { hasContact, isConnectionTest, readFields, readSubmission, SubmissionError } from "../form/submission";
import { safeEqual } from "./secrets";
import type { SourceRow } from "./source-settings";
import { contentTypeFailure, isFormContentType, isJsonContentType, NUL_FAILURE, type Verdict } from "./verdict";
import { eventFailure, type EventFailure } from "../event-failure";

export const NO_CONTACT_FAILURE = eventFailure("webhook_form_no_contact");

export function inspectForm(source: SourceRow, urlSecret: string, contentType: string | null, body: string): Verdict {
  if (!safeEqual(urlSecret, source.webhookSecret)) return { kind: "unauthorized", message: "The webhook secret does not match" };
  const store = (status: "pending" | "rejected", answerStatus: number, eventType: string | null, failure?: EventFailure): Verdict => ({
    kind: "store",
    status,
    eventType,
    failure,
    body,
    answerStatus,
  });
  if (!isFormContentType(contentType) && !isJsonContentType(contentType)) {
    return store("rejected", 415, null, contentTypeFailure(contentType, "application/x-www-form-urlencoded or application/json"));
  }
  let fields: Map<string, string>;
  try {
    fields = readFields(contentType, body);
  } catch (error) {
    return store("rejected", 400, null, error instanceof SubmissionError ? error.failure : eventFailure("webhook_form_unreadable"));
  }
  if (isConnectionTest(fields)) return { kind: "reply", status: 200, text: "ok" };
  // Decoded fields carry a NUL however it was spelled (%00, \u0000, a raw byte); the raw body for what was not read.
  if (body.includes("\u0000") || [...fields].some(([key, value]) => key.includes("\u0000") || value.includes("\u0000"))) return store("rejected", 400, null, NUL_FAILURE);
  const submission = readSubmission(fields);
  const eventType = (submission.formName ?? submission.formId ?? "form").slice(0, 200);
  if (!hasContact(submission)) return store("rejected", 400, eventType, NO_CONTACT_FAILURE);
  return store("pending", 200, eventType);
}

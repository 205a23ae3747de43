// Shop orders: JSON signed with HMAC-SHA256 of the raw body (`X-Voronka-Signature: sha256=<hex>`)
// keyed with the source's webhook secret. The shop is ours to document, so bad bodies get a 4xx
// that says why (after being stored for the admin to see).
import { SHOP_EVENTS, shopWebhookSchema } from "../shop/order-schema";
import { isValidSignature } from "./secrets";
import type { SourceRow } from "./source-settings";
import { contentTypeFailure, isJsonContentType, jsonHasNul, NUL_FAILURE, type Verdict } from "./verdict";
import { eventFailure, type EventFailure } from "../event-failure";

export const SIGNATURE_HEADER = "x-voronka-signature";

export function inspectShop(source: SourceRow, signature: string | null, contentType: string | null, body: string): Verdict {
  if (!isValidSignature(signature, source.webhookSecret, body)) return { kind: "unauthorized", message: "The signature does not match the body" };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = undefined;
  }
  const event = typeof (json as { event?: unknown })?.event === "string" ? String((json as { event: string }).event).slice(0, 100) : null;
  const store = (status: "pending" | "rejected" | "ignored", answerStatus: number, failure?: EventFailure): Verdict => ({ kind: "store", status, eventType: event, failure, body, answerStatus });
  if (!isJsonContentType(contentType)) return store("rejected", 415, contentTypeFailure(contentType, "application/json"));
  if (json === undefined) return store("rejected", 400, eventFailure("webhook_json_unreadable"));
  if (jsonHasNul(json)) return store("rejected", 400, NUL_FAILURE);
  if (!event) return store("rejected", 400, eventFailure("webhook_no_event"));
  if (!(SHOP_EVENTS as readonly string[]).includes(event)) return store("ignored", 200, eventFailure("webhook_event_unused", { event }));
  const parsed = shopWebhookSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    return store("rejected", 400, eventFailure("webhook_order_invalid", undefined, issues));
  }
  return store("pending", 200);
}

// Taking a delivery, for both ways one arrives (a Next route handler, or the direct listener in
// front of Next): open the database, receive, then nudge the processor without making the sender
// wait for it. No error ever becomes a 500.
import { getDb } from "@/db/client";
import { errorMessage } from "@/lib/error-text";
import { kickProcessor } from "../process/kick";
import { deliveryFromRequest, type Delivery } from "./delivery";
import { receiveWebhook, type WebhookTarget } from "./receive-webhook";

export type WebhookAnswer = { status: number; payload: object | string };

export async function takeDelivery(target: WebhookTarget, delivery: Delivery): Promise<WebhookAnswer> {
  try {
    const db = await getDb();
    const result = await receiveWebhook(db, target, delivery);
    if (result.isPending) kickProcessor(db, result.orgId);
    return { status: result.status, payload: result.payload };
  } catch (error) {
    console.error("[webhooks] receiving failed", errorMessage(error));
    return { status: 503, payload: { error: { code: "unavailable", message: "The delivery could not be stored; try again later" } } };
  }
}

/** The route handlers' side. */
export async function handleWebhook(request: Request, target: WebhookTarget): Promise<Response> {
  const { status, payload } = await takeDelivery(target, deliveryFromRequest(request));
  // Plain text only for a sender that expects it (Tilda's connection check wants `ok`).
  return typeof payload === "string" ? new Response(payload, { status, headers: { "content-type": "text/plain; charset=utf-8" } }) : Response.json(payload, { status });
}

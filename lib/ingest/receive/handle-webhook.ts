// The route handlers' side of receiving: open the database, receive, answer, then nudge the
// processor without making the sender wait for it. No error ever becomes a 500.
import { getDb } from "@/db/client";
import { kickProcessor } from "../process/kick";
import { receiveWebhook, type WebhookTarget } from "./receive-webhook";

export async function handleWebhook(request: Request, target: WebhookTarget): Promise<Response> {
  try {
    const db = await getDb();
    const result = await receiveWebhook(db, target, request);
    if (result.isPending) kickProcessor(db, result.orgId);
    return result.response;
  } catch (error) {
    console.error("[webhooks] receiving failed", error instanceof Error ? error.message : error);
    return Response.json({ error: { code: "unavailable", message: "The delivery could not be stored; try again later" } }, { status: 503 });
  }
}

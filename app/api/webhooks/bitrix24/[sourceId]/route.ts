import { handleWebhook } from "@/lib/ingest/receive/handle-webhook";

type Context = { params: Promise<{ sourceId: string }> };

/** Bitrix24 outgoing webhooks and app events (docs/webhooks.md). */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { sourceId } = await context.params;
  return handleWebhook(request, { kind: "bitrix24", sourceId });
}

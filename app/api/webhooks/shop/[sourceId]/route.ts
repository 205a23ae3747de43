import { handleWebhook } from "@/lib/ingest/receive/handle-webhook";

type Context = { params: Promise<{ sourceId: string }> };

/** Shop orders, signed with HMAC-SHA256 in X-Voronka-Signature (docs/webhooks.md). */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { sourceId } = await context.params;
  return handleWebhook(request, { kind: "shop", sourceId });
}

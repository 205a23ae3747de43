import { handleWebhook } from "@/lib/ingest/receive/handle-webhook";

type Context = { params: Promise<{ sourceId: string; secret: string }> };

/** amoCRM account and Digital Pipeline webhooks; the secret in the path is the guard (docs/webhooks.md). */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { sourceId, secret } = await context.params;
  return handleWebhook(request, { kind: "amocrm", sourceId, urlSecret: secret });
}

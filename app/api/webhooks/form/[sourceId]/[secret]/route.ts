import { handleWebhook } from "@/lib/ingest/receive/handle-webhook";

type Context = { params: Promise<{ sourceId: string; secret: string }> };

/** Site forms (Tilda's webhook, JSON, any urlencoded form); the secret in the path is the guard (docs/forms.md). */
export async function POST(request: Request, context: Context): Promise<Response> {
  const { sourceId, secret } = await context.params;
  return handleWebhook(request, { kind: "form", sourceId, urlSecret: secret });
}

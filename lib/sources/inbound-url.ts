// The URL a CRM or shop posts its webhooks to (the webhook helper implements the endpoints).
export type InboundSource = { id: string; kind: "bitrix24" | "amocrm" | "shop"; webhookSecret: string };

export function inboundWebhookUrl(origin: string, source: InboundSource): string {
  const base = origin.replace(/\/+$/, "");
  switch (source.kind) {
    case "bitrix24":
      return `${base}/api/webhooks/bitrix24/${source.id}`;
    case "amocrm":
      // amoCRM signs nothing: the secret in the path is the guard.
      return `${base}/api/webhooks/amocrm/${source.id}/${source.webhookSecret}`;
    case "shop":
      return `${base}/api/webhooks/shop/${source.id}`;
  }
}

// The address a CRM or shop posts to, as shown to the admin. amoCRM's carries the secret in the
// path (amoCRM signs nothing); Bitrix24 checks its application token, the shop signs the body.
import type { SourceRow } from "../receive/source-settings";

export function inboundUrl(origin: string, source: Pick<SourceRow, "id" | "kind" | "webhookSecret">): string {
  const base = origin.replace(/\/+$/, "");
  switch (source.kind) {
    case "bitrix24":
      return `${base}/api/webhooks/bitrix24/${source.id}`;
    case "amocrm":
      return `${base}/api/webhooks/amocrm/${source.id}/${encodeURIComponent(source.webhookSecret)}`;
    case "shop":
      return `${base}/api/webhooks/shop/${source.id}`;
  }
}

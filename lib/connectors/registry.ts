// The server registry: one connector per source kind (lib/connectors/connector.ts). Adding a kind
// is a folder lib/connectors/<kind>/ with its descriptor, input and connector, and one line in each
// of descriptors.ts, inputs.ts and here (docs/connectors.md, "Adding a kind").
import type { SourceKind } from "@/db/schema";
import { amocrmConnector } from "./amocrm/connector";
import { bitrix24Connector } from "./bitrix24/connector";
import type { Connector } from "./connector";
import { formConnector } from "./form/connector";
import { shopConnector } from "./shop/connector";

const CONNECTORS: { [K in SourceKind]: Connector<K> } = { bitrix24: bitrix24Connector, amocrm: amocrmConnector, shop: shopConnector, form: formConnector };

export function connectorFor(kind: SourceKind): Connector {
  return CONNECTORS[kind] as Connector;
}

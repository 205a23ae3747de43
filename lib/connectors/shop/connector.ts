// A shop: it posts orders signed with the source's secret; they become customers and orders.
import { applyShopBatch } from "@/lib/ingest/shop/apply-batch";
import { applyShopEvent } from "@/lib/ingest/shop/apply-order";
import { inspectShop, SIGNATURE_HEADER } from "@/lib/ingest/receive/shop";
import { ValidationError } from "@/lib/errors";
import type { Connector } from "../connector";
import { shopDescriptor } from "./descriptor";

export const shopConnector: Connector<"shop"> = {
  descriptor: shopDescriptor,
  stored: () => ({ baseUrl: null, credentials: null, settings: {} }),
  crm: null,
  noCrm: () => new ValidationError("A shop has no CRM to connect to or sync from: it posts its orders to Voronka", { code: "shop_has_no_crm" }),
  receive: (source, delivery) => inspectShop(source, delivery.headers.get(SIGNATURE_HEADER), delivery.contentType, delivery.body),
  applyBatch: (tx, source, events, _deps, org) => applyShopBatch(tx, source, events, org),
  applyEvent: async (tx, source, event, _deps, org) => {
    await applyShopEvent(tx, source, event.body, event.receivedAt, org);
    return {};
  },
};

// A CRM that is also the shop (docs/shop-status.md, "A Bitrix24 store"): the order statuses it
// offers and setting one on an order. Every request goes through the connection's client, so
// through the one rate limiter of the portal that its sync uses too.

/** One order status of the store: its id (`N`, `P`, `F` or the portal's own) and sort. */
export type StoreStatus = { id: string; sort: number };

/** Which store order a shop order is: its number (the store's account number) and its id. */
export type StoreOrderRef = { number: string | null; externalId: string };

export type StoreStatusOutcome =
  /** Set now, or the order already had it (`changed: false`). */
  | { found: true; orderId: string; changed: boolean }
  | { found: false };

export type ShopStore = {
  listStatuses(): Promise<StoreStatus[]>;
  /** The statuses' names in one language (`ru`, `en`): status id → name; a status without one is absent. */
  listStatusNames(lang: string): Promise<Map<string, string>>;
  /** Throws a ConnectorError when the store refused or did not answer. */
  setOrderStatus(order: StoreOrderRef, statusId: string): Promise<StoreStatusOutcome>;
};

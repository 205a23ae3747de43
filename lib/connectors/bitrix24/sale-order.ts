// A Bitrix24 store (the portal's own online store, scope `sale`, administrator only):
// `sale.status.list` for the order statuses (type O; the list carries no names, `sale.statusLang.list`
// has them per language, docs/shop-status.md), `sale.order.list`
// to find the order by its account number (else by its id), and `sale.order.update
// {id, fields: {statusId}}` to set the status (integrations-2.md §3.8). Fields are camelCase. An
// order that already has the status is not written again.
import type { ShopStore, StoreOrderRef, StoreStatus } from "../shop-store";
import type { Bitrix24Client } from "./client";

type SaleStatus = { id?: string; type?: string; sort?: number | string };
type SaleStatusLang = { statusId?: string; lid?: string; name?: string };
type SaleOrder = { id?: number | string; accountNumber?: string; statusId?: string };

export function bitrix24Store(client: Bitrix24Client): ShopStore {
  async function findOrder(order: StoreOrderRef): Promise<SaleOrder | null> {
    const filters: Record<string, string | number>[] = [{ accountNumber: order.number ?? order.externalId }];
    if (/^\d{1,15}$/.test(order.externalId)) filters.push({ id: Number(order.externalId) });
    for (const filter of filters) {
      const { orders } = await client.call<{ orders?: SaleOrder[] }>("sale.order.list", { select: ["id", "accountNumber", "statusId"], filter });
      if (orders?.[0]?.id !== undefined) return orders[0];
    }
    return null;
  }

  return {
    async listStatuses(): Promise<StoreStatus[]> {
      const out: StoreStatus[] = [];
      for await (const page of client.listByOffset<SaleStatus>("sale.status.list", { select: ["id", "type", "sort"], filter: { type: "O" }, order: { sort: "asc" } }, { itemsKey: "statuses" })) {
        // Delivery statuses (type D) belong to shipments, not orders: kept out even if the filter was ignored.
        for (const status of page) if (status.id && status.type === "O") out.push({ id: status.id, sort: Number(status.sort ?? 0) });
      }
      return out.sort((a, b) => a.sort - b.sort || a.id.localeCompare(b.id));
    },
    async listStatusNames(lang) {
      const names = new Map<string, string>();
      for await (const page of client.listByOffset<SaleStatusLang>("sale.statusLang.list", { select: ["statusId", "lid", "name"], filter: { lid: lang } }, { itemsKey: "statusLangs" })) {
        for (const row of page) if (row.statusId && row.lid === lang && row.name?.trim()) names.set(row.statusId, row.name.trim());
      }
      return names;
    },
    async setOrderStatus(order, statusId) {
      const found = await findOrder(order);
      if (!found) return { found: false };
      const orderId = String(found.id);
      if (found.statusId === statusId) return { found: true, orderId, changed: false };
      await client.call("sale.order.update", { id: Number(orderId), fields: { statusId } });
      return { found: true, orderId, changed: true };
    },
  };
}

// A store's order statuses with their names in the viewer's language, for the stage → status form:
// the viewer's language first, the other one for a status it leaves unnamed, else no name (the form
// shows the id). Names are a courtesy: when the portal refuses them, the ids still come, with why.
import type { RunFailure } from "@/db/schema";
import { ConnectorError } from "@/lib/connectors/errors";
import type { ShopStore, StoreStatus } from "@/lib/connectors/shop-store";
import type { Locale } from "@/lib/format";

export type NamedStoreStatus = StoreStatus & { name: string | null };
export type NamedStoreStatuses = { statuses: NamedStoreStatus[]; namesFailure: RunFailure | null };

const OTHER: Record<Locale, Locale> = { ru: "en", en: "ru" };

export async function nameStoreStatuses(store: ShopStore, statuses: StoreStatus[], locale: Locale): Promise<NamedStoreStatuses> {
  const names = new Map<string, string>();
  try {
    // The other language is read only when the first leaves a status unnamed: each call spends the portal's shared limit.
    for (const lang of [locale, OTHER[locale]]) {
      if (statuses.every((status) => names.has(status.id))) break;
      for (const [id, name] of await store.listStatusNames(lang)) if (!names.has(id)) names.set(id, name);
    }
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    const words = error.details.crmWords ?? error.message;
    return { statuses: statuses.map((status) => ({ ...status, name: null })), namesFailure: { code: "shop_status_store_names_failed", details: words } };
  }
  return { statuses: statuses.map((status) => ({ ...status, name: names.get(status.id) ?? null })), namesFailure: null };
}

import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { getStoreStatuses } from "@/lib/shop-status/manage";

const querySchema = z.object({ store: z.uuid({ message: "must be a source id" }), lang: z.enum(["ru", "en"]).optional() });

/**
 * A Bitrix24 store's order statuses, read from the portal (`sale.status.list`), each with its name in
 * `lang` (else the viewer's language) from `sale.statusLang.list`: `?store=<Bitrix24 source id>&lang=ru|en`.
 */
export const GET = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const id = z.uuid({ message: "must be a source id" }).parse(params.id);
  const query = readQuery(request, querySchema);
  return getStoreStatuses(db, viewer.orgId, id, query.store, query.lang ?? viewer.locale ?? viewer.org.locale);
});

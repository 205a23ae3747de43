import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { getStoreStatuses } from "@/lib/shop-status/manage";

const querySchema = z.object({ store: z.uuid({ message: "must be a source id" }) });

/** A Bitrix24 store's order statuses, read from the portal (`sale.status.list`): `?store=<Bitrix24 source id>`. */
export const GET = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const id = z.uuid({ message: "must be a source id" }).parse(params.id);
  return getStoreStatuses(db, viewer.orgId, id, readQuery(request, querySchema).store);
});

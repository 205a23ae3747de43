import { z } from "zod";
import { apiRoute, readQuery } from "@/lib/api/handler";
import { listShopStatusHistory } from "@/lib/shop-status/manage";

const querySchema = z.object({ order: z.string().trim().min(1).max(100).optional() });

/** The statuses sent to the shop, newest first; `?order=<number or id>` for one order's history. */
export const GET = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const id = z.uuid({ message: "must be a source id" }).parse(params.id);
  const { order } = readQuery(request, querySchema);
  return { deliveries: await listShopStatusHistory(db, viewer.orgId, id, { order }) };
});

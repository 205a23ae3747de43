// POST /api/notifications/deliveries/<id>/retry: one dead sale message back into the queue (a row's
// "Retry"). `{ retried: 0 }` when it is not dead (any more) or not the organisation's.
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { retryDeadNotifications } from "@/lib/notifications/deliveries";
import { kickNotifications } from "@/lib/notifications/kick";

export const POST = apiRoute<{ id: string }>("org:update", async ({ params, viewer, db }) => {
  const retried = await retryDeadNotifications(db, viewer.orgId, z.guid({ message: "must be a delivery id" }).parse(params.id));
  if (retried > 0) kickNotifications();
  return { retried };
});

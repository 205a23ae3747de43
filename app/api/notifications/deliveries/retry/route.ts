// POST /api/notifications/deliveries/retry: every dead sale message of the organisation back into the
// queue with fresh attempts (the Notifications page's "Retry all"); answers how many.
import { apiRoute } from "@/lib/api/handler";
import { retryDeadNotifications } from "@/lib/notifications/deliveries";
import { kickNotifications } from "@/lib/notifications/kick";

export const POST = apiRoute("org:update", async ({ viewer, db }) => {
  const retried = await retryDeadNotifications(db, viewer.orgId);
  if (retried > 0) kickNotifications();
  return { retried };
});

// GET /api/live: server-sent events for an open dashboard — `facts` when the viewer's organisation's
// report facts change (a webhook applied, a sync page written, on any instance), at most once a
// second. The event carries no figures: the page refetches them through its own scoped report API,
// so no viewer learns anything here they could not already see (docs/api.md#live-updates).
import { apiRoute } from "@/lib/api/handler";
import { factsHub } from "@/lib/live/hub";
import { liveEventStream } from "@/lib/live/event-stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute("reports:read", async ({ request, viewer }) =>
  new Response(liveEventStream(factsHub(), viewer.orgId, request.signal), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  }),
);

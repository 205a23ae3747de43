import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { drainShopStatusCallbacks } from "@/lib/shop-status/deliver";
import { listShopStatusHistory, resendShopStatus } from "@/lib/shop-status/manage";

/** Sends one order's status again now (same idempotency key) and answers with how it went. */
export const POST = apiRoute<{ id: string; callbackId: string }>("sources:manage", async ({ viewer, db, params }) => {
  const id = z.uuid({ message: "must be a source id" }).parse(params.id);
  const callbackId = z.uuid({ message: "must be a delivery id" }).parse(params.callbackId);
  await resendShopStatus(db, viewer, id, callbackId);
  await drainShopStatusCallbacks(db, { orgId: viewer.orgId, budgetMs: 15_000 });
  const [delivery] = await listShopStatusHistory(db, viewer.orgId, id, { id: callbackId });
  return { delivery };
});

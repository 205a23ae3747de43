import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { getShopStatusSettings, saveShopStatusSettings, shopStatusSettingsSchema } from "@/lib/shop-status/manage";

const idSchema = z.uuid({ message: "must be a source id" });

/** A shop source's status callback settings (docs/shop-status.md). */
export const GET = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => getShopStatusSettings(db, viewer.orgId, idSchema.parse(params.id)));

export const PUT = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const id = idSchema.parse(params.id);
  return saveShopStatusSettings(db, viewer, id, await readJson(request, shopStatusSettingsSchema));
});

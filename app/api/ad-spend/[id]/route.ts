import { apiRoute } from "@/lib/api/handler";
import { deleteSpend } from "@/lib/ad-spend/store";

export const DELETE = apiRoute<{ id: string }>("rules:manage", async ({ params, viewer, db }) => {
  await deleteSpend(db, viewer, params.id);
  return { deleted: true };
});

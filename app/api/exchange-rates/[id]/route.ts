// DELETE /api/exchange-rates/<id>: removes a rate of the admin's organisation (404 for any other).
import { apiRoute } from "@/lib/api/handler";
import { deleteRate } from "@/lib/rates/rates";

export const DELETE = apiRoute<{ id: string }>("org:update", async ({ params, viewer, db }) => ({ deleted: params.id, ...(await deleteRate(db, viewer, params.id)) }));

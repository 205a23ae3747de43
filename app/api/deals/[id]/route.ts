import { apiRoute } from "@/lib/api/handler";
import { scopeOf } from "@/lib/auth/scope";
import { getDeal } from "@/lib/deals/deals";

export const GET = apiRoute<{ id: string }>("reports:read", async ({ params, viewer, db }) => ({ deal: await getDeal(db, scopeOf(viewer), params.id) }));

import { apiRoute, readJson } from "@/lib/api/handler";
import { setLinkedCrmUsers } from "@/lib/users/crm-user-links";
import { crmUserLinksSchema } from "@/lib/users/schemas";

/** Replaces the user's CRM links with exactly the ids sent; `[]` unlinks them all. */
export const PUT = apiRoute<{ id: string }>("users:manage", async ({ request, params, viewer, db }) => {
  const { crmUserIds } = await readJson(request, crmUserLinksSchema);
  return { user: await setLinkedCrmUsers(db, viewer, params.id, crmUserIds) };
});

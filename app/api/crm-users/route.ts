import { apiRoute } from "@/lib/api/handler";
import { listCrmUsers } from "@/lib/users/list-crm-users";

export const GET = apiRoute("users:manage", async ({ viewer, db }) => ({ crmUsers: await listCrmUsers(db, viewer) }));

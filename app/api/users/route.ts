import { apiRoute, readJson } from "@/lib/api/handler";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers } from "@/lib/users/list-users";
import { inviteUserSchema } from "@/lib/users/schemas";

export const GET = apiRoute("users:manage", async ({ viewer, db }) => ({ users: await listUsers(db, viewer) }));

export const POST = apiRoute("users:manage", async ({ request, viewer, db }) => {
  const user = await inviteUser(db, viewer, await readJson(request, inviteUserSchema));
  return Response.json({ user }, { status: 201 });
});

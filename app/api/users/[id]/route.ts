import { apiRoute, readJson } from "@/lib/api/handler";
import { getUser } from "@/lib/users/list-users";
import { updateUserSchema } from "@/lib/users/schemas";
import { setUserPassword } from "@/lib/users/set-user-password";
import { updateUser } from "@/lib/users/update-user";

export const GET = apiRoute<{ id: string }>("users:manage", async ({ params, viewer, db }) => ({ user: await getUser(db, viewer, params.id) }));

export const PATCH = apiRoute<{ id: string }>("users:manage", async ({ request, params, viewer, db }) => {
  const { password, ...changes } = await readJson(request, updateUserSchema);
  // The checked changes first: a refused role change must not leave a new password behind.
  if (Object.values(changes).some((value) => value !== undefined)) await updateUser(db, viewer, params.id, changes);
  if (password !== undefined) await setUserPassword(db, viewer, params.id, password);
  return { user: await getUser(db, viewer, params.id) };
});

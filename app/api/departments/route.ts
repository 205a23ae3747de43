import { apiRoute, readJson } from "@/lib/api/handler";
import { createDepartment, listDepartments } from "@/lib/users/departments";
import { createDepartmentSchema } from "@/lib/users/schemas";

export const GET = apiRoute("org:read", async ({ viewer, db }) => ({ departments: await listDepartments(db, viewer) }));

export const POST = apiRoute("users:manage", async ({ request, viewer, db }) => {
  const department = await createDepartment(db, viewer, await readJson(request, createDepartmentSchema));
  return Response.json({ department }, { status: 201 });
});

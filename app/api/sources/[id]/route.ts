import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { deleteSource, updateSource } from "@/lib/sources/manage-sources";
import { updateSourceSchema } from "@/lib/sources/schemas";

const idSchema = z.uuid("must be a source id");

export const DELETE = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => {
  await deleteSource(db, viewer, idSchema.parse(params.id));
  return new Response(null, { status: 204 });
});

export const PATCH = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  await updateSource(db, viewer, idSchema.parse(params.id), await readJson(request, updateSourceSchema));
  return new Response(null, { status: 204 });
});

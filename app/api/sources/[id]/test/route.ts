import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { testSourceConnection } from "@/lib/sources/test-source";

/** 200 with `{ ok: true, … }` or `{ ok: false, reason, message }`: a failed check is an answer, not an error. */
export const POST = apiRoute<{ id: string }>("sources:manage", async ({ viewer, db, params }) => testSourceConnection(db, viewer.orgId, z.uuid().parse(params.id)));

// What POST /api/sources accepts: one input per kind, each in its connector's folder
// (lib/connectors/<kind>/input.ts), and what PATCH /api/sources/<id> may change.
import { z } from "zod";
import { sourceName as name } from "@/lib/connectors/input-fields";
import { SOURCE_INPUTS } from "@/lib/connectors/inputs";

export const createSourceSchema = z.discriminatedUnion("kind", SOURCE_INPUTS);

/**
 * A CRM source is saved only when its connection passes the check (lib/sources/add-source.ts),
 * unless the admin chose to save it untested (a CRM that is down for maintenance, say).
 */
export const addSourceSchema = createSourceSchema.and(z.object({ saveUntested: z.boolean().optional() }));

export type CreateSourceInput = z.infer<typeof createSourceSchema>;
export type AddSourceInput = z.infer<typeof addSourceSchema>;

/**
 * What an admin may change later: the name, whether it syncs, Bitrix24's application token (known
 * only after the outgoing webhook is saved), and amoCRM's qualified stage per pipeline.
 */
export const updateSourceSchema = z
  .object({
    name: name.optional(),
    isActive: z.boolean().optional(),
    applicationToken: z.string().trim().min(8).max(200).optional(),
    /** amoCRM: pipeline id → the stage that makes its leads converted; null goes back to "won". */
    qualifiedStages: z.record(z.uuid({ message: "must be a pipeline id" }), z.uuid({ message: "must be a stage id" }).nullable()).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });

export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

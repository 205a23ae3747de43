// What POST /api/sources accepts: one input per kind, each in its connector's folder
// (lib/connectors/<kind>/input.ts), and what PATCH /api/sources/<id> may change.
import { z } from "zod";
import { sourceName as name } from "@/lib/connectors/input-fields";
import { SOURCE_INPUTS } from "@/lib/connectors/inputs";
import { MATCH_WINDOW_MAX_DAYS, MATCH_WINDOW_MIN_DAYS } from "@/lib/forms/match-window";

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
 * only after the outgoing webhook is saved), amoCRM's qualified stage per pipeline, and a site form's
 * match window.
 */
export const updateSourceSchema = z
  .object({
    name: name.optional(),
    isActive: z.boolean().optional(),
    applicationToken: z.string().trim().min(8).max(200).optional(),
    /** amoCRM: pipeline id → the stage that makes its leads converted; null goes back to "won". */
    qualifiedStages: z.record(z.uuid({ message: "must be a pipeline id" }), z.uuid({ message: "must be a stage id" }).nullable()).optional(),
    /** A site form: how many days before or after a submission a CRM lead or deal may be created to match it. */
    matchWindowDays: z
      .unknown()
      .refine((days) => Number.isInteger(days) && (days as number) >= MATCH_WINDOW_MIN_DAYS && (days as number) <= MATCH_WINDOW_MAX_DAYS, {
        message: `must be a whole number of days from ${MATCH_WINDOW_MIN_DAYS} to ${MATCH_WINDOW_MAX_DAYS}`,
        params: { code: "match_window_invalid", min: MATCH_WINDOW_MIN_DAYS, max: MATCH_WINDOW_MAX_DAYS },
      })
      .transform((days) => days as number)
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });

export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

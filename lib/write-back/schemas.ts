// What PUT /api/sources/<id>/write-back accepts: the switch and, per Voronka value, the CRM field
// it is written to (a Bitrix24 FIELD_NAME such as UF_CRM_VORONKA_TEAM, an amoCRM field id as text);
// a key left out or null is not written.
import { z } from "zod";
import { WRITE_BACK_KEYS, type WriteBackKey, type WriteBackSettings } from "./keys";

const fieldSchema = z.string().trim().min(1, "must name a CRM field").max(100).nullable().optional();

export const writeBackInputSchema = z.object({
  isEnabled: z.boolean(),
  fields: z.strictObject(Object.fromEntries(WRITE_BACK_KEYS.map((key) => [key, fieldSchema])) as Record<WriteBackKey, typeof fieldSchema>),
});

export function settingsOfInput(input: z.infer<typeof writeBackInputSchema>): WriteBackSettings {
  const fields: WriteBackSettings["fields"] = {};
  for (const key of WRITE_BACK_KEYS) {
    const field = input.fields[key];
    if (field) fields[key] = field;
  }
  return { isEnabled: input.isEnabled, fields };
}

/** POST /api/sources/<id>/write-back/fields: a field for one value, created in the CRM and mapped to it. */
export const newFieldInputSchema = z.object({
  key: z.enum(WRITE_BACK_KEYS),
  name: z.string().trim().min(1, "must name the field").max(50).optional(),
});

// What PUT /api/sources/<id>/field-mapping accepts (shared with the admin form; no database imports):
// per traffic key, the amoCRM field ids to read in order. An empty list puts the key back on its
// default, the tracking-data field of its code.
import { z } from "zod";
import { MAX_FIELDS_PER_KEY, TRAFFIC_KEYS, type AmoFieldMapping, type TrafficKey } from "@/lib/connectors/amocrm/field-mapping";

const idsSchema = z
  .array(z.number().int().positive(), { message: "must be a list of field ids" })
  .max(MAX_FIELDS_PER_KEY)
  .refine((ids) => new Set(ids).size === ids.length, "names a field twice");

export const fieldMappingSchema = z.object({
  mapping: z.record(z.string(), z.unknown()).superRefine((mapping, ctx) => {
    for (const [key, ids] of Object.entries(mapping)) {
      if (!(TRAFFIC_KEYS as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown key; use ${TRAFFIC_KEYS.join(", ")}`, params: { code: "field_mapping_key_unknown", key, keys: TRAFFIC_KEYS.join(", ") } });
      } else if (!idsSchema.safeParse(ids).success) {
        ctx.addIssue({ code: "custom", path: [key], message: `must be a list of at most ${MAX_FIELDS_PER_KEY} different positive field ids`, params: { code: "field_mapping_ids_invalid", max: MAX_FIELDS_PER_KEY } });
      }
    }
  }),
});

/** The checked body as the mapping to store: keys with an empty list are left out (back to the default). */
export function mappingOfInput(input: { mapping: Record<string, unknown> }): AmoFieldMapping {
  const out: AmoFieldMapping = {};
  for (const [key, ids] of Object.entries(input.mapping)) if (Array.isArray(ids) && ids.length > 0) out[key as TrafficKey] = ids as number[];
  return out;
}

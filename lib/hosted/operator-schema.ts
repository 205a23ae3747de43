// PATCH and DELETE /api/operator/organisations/:id (docs/api.md).
import { z } from "zod";

const quota = z.number({ message: "must be a whole number or null" }).int("must be a whole number").min(0, "must be 0 or more").max(100_000_000, "must be at most 100000000").nullable().optional();

export const organisationPatchSchema = z
  .object({
    suspended: z.boolean({ message: "must be true or false" }).optional(),
    quotas: z.object({ sources: quota, users: quota, deals: quota }, { message: "must be an object" }).strict().optional(),
  })
  .strict()
  .refine((v) => v.suspended !== undefined || v.quotas !== undefined, "send suspended or quotas");

/** DELETE's optional body: the organisation's name as typed on the operator's page. */
export const organisationDeleteSchema = z.object({ confirmName: z.string({ message: "must be the organisation's name" }).max(500) }).strict();

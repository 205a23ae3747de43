// Request shapes for the user-management API, shared with the admin pages (no database imports).
import { z } from "zod";
import type { Role } from "@/lib/auth/permissions";

const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });

export const roleSchema = z.enum(["admin", "director", "manager"] satisfies Role[], { message: "must be admin, director or manager" });

// bcrypt reads only the first 72 bytes; a longer password would be silently cut.
export const passwordSchema = requiredString()
  .min(8, "must be at least 8 characters")
  .refine((value) => new TextEncoder().encode(value).length <= 72, "must be at most 72 bytes");

const nameSchema = requiredString().trim().min(1, "is required").max(200, "must be at most 200 characters");
const idSchema = z.guid({ message: "must be a UUID" }).transform((id) => id.toLowerCase());

export const inviteUserSchema = z
  .object({
    email: requiredString().trim().toLowerCase().pipe(z.email({ message: "must be an e-mail address" })),
    name: nameSchema,
    role: roleSchema,
    departmentId: idSchema.nullish(),
    password: passwordSchema,
  })
  .refine((v) => v.role !== "director" || v.departmentId, { path: ["departmentId"], message: "is required for a director", params: { code: "director_needs_department" } });
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

export const updateUserSchema = z
  .object({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    departmentId: idSchema.nullable().optional(),
    isActive: z.boolean({ message: "must be true or false" }).optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one of name, role, departmentId, isActive, password");
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const crmUserLinksSchema = z.object({
  crmUserIds: z.array(idSchema, { message: "must be an array of CRM user ids" }).max(1000, "must list at most 1000 ids"),
});

export const createDepartmentSchema = z.object({ name: nameSchema });

export const createTokenSchema = z.object({
  name: requiredString().trim().min(1, "is required").max(100, "must be at most 100 characters"),
});

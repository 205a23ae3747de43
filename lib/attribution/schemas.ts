// Request shapes of the traffic-team and rule API, shared with the admin page (no database imports).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { telegramChatIdSchema } from "@/lib/notifications/chat-id";
import { compilePattern } from "./pattern";
import { RULE_FIELDS, RULE_MATCHES } from "./types";

const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") });
const idSchema = z.guid({ message: "must be a UUID" }).transform((id) => id.toLowerCase());
/** Blank optional texts are stored as null, so "no code" has one spelling. */
const optionalText = (max: number) =>
  z
    .string({ message: "must be a string" })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : value === undefined ? undefined : null));

const teamFields = {
  name: requiredString().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  color: z.string({ message: "must be a string" }).regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #2f6fed").transform((c) => c.toLowerCase()),
  emoji: optionalText(16),
  primarySourceCode: optionalText(100),
  telegramChatId: telegramChatIdSchema,
  isActive: z.boolean({ message: "must be true or false" }),
};

export const createTeamSchema = z.object({ ...teamFields, color: teamFields.color.default("#2f6fed"), isActive: teamFields.isActive.default(true) });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;

export const updateTeamSchema = z
  .object({
    name: teamFields.name.optional(),
    color: teamFields.color.optional(),
    emoji: teamFields.emoji,
    primarySourceCode: teamFields.primarySourceCode,
    telegramChatId: teamFields.telegramChatId,
    isActive: teamFields.isActive.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one of name, color, emoji, primarySourceCode, telegramChatId, isActive");
export type UpdateTeamInput = Partial<z.infer<typeof updateTeamSchema>>;

const ruleFields = {
  teamId: idSchema,
  field: z.enum(RULE_FIELDS, { message: `must be one of ${RULE_FIELDS.join(", ")}` }),
  match: z.enum(RULE_MATCHES, { message: `must be one of ${RULE_MATCHES.join(", ")}` }),
  pattern: requiredString().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  priority: z.number({ message: "must be a whole number" }).int("must be a whole number").min(-1000, "must be at least -1000").max(1000, "must be at most 1000"),
};

/** A regex that does not compile is refused here, with the engine's own message, before anything is saved. */
function checkPattern(rule: { match?: string; pattern?: string }, ctx: z.RefinementCtx) {
  if (rule.match !== "regex" || rule.pattern === undefined) return;
  try {
    compilePattern("regex", rule.pattern);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    ctx.addIssue({ code: "custom", path: ["pattern"], message: error.message, params: { code: error.code, ...error.params } });
  }
}

export const createRuleSchema = z.object({ ...ruleFields, priority: ruleFields.priority.default(0) }).superRefine(checkPattern);
export type CreateRuleInput = z.infer<typeof createRuleSchema>;

export const updateRuleSchema = z
  .object({
    teamId: ruleFields.teamId.optional(),
    field: ruleFields.field.optional(),
    match: ruleFields.match.optional(),
    pattern: ruleFields.pattern.optional(),
    priority: ruleFields.priority.optional(),
  })
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one of teamId, field, match, pattern, priority");
export type UpdateRuleInput = z.infer<typeof updateRuleSchema>;

/** What "Preview" asks about: rules and teams as they would be, on top of what is saved. */
export const previewSchema = z.object({
  upsertRules: z
    .array(z.object({ id: idSchema.optional(), ...ruleFields, priority: ruleFields.priority.default(0) }).superRefine(checkPattern))
    .max(500)
    .default([]),
  deleteRuleIds: z.array(idSchema).max(500).default([]),
  upsertTeams: z
    .array(
      z.object({
        id: idSchema.optional(),
        name: teamFields.name,
        primarySourceCode: teamFields.primarySourceCode,
        isActive: teamFields.isActive.default(true),
      }),
    )
    .max(100)
    .default([]),
  deleteTeamIds: z.array(idSchema).max(100).default([]),
});
export type PreviewInput = z.infer<typeof previewSchema>;

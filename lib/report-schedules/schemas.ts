// Request shapes of /api/report-schedules. Client-safe: the form checks the same rules. A field that
// fails is named in the 400 (`recipients.emails.0`, `localTime`, …).
import { z } from "zod";
import { SAVED_VIEW_DASHBOARDS } from "@/lib/saved-views/dashboards";

export const REPORT_FREQUENCIES = ["daily", "weekly", "monthly"] as const;
export const REPORT_FORMATS = ["pdf", "xlsx"] as const;
export const REPORT_CHANNELS = ["email", "telegram"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** Recipients per schedule: a department and a few addresses, with room to spare. */
export const MAX_RECIPIENTS = 50;

const fields = {
  name: z
    .string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") })
    .trim()
    .min(1, "is required")
    .max(100, "must be at most 100 characters"),
  dashboard: z.enum(SAVED_VIEW_DASHBOARDS, { message: `must be one of ${SAVED_VIEW_DASHBOARDS.join(", ")}` }).nullable(),
  query: z.string({ message: "must be a query string such as preset=last-week" }).max(2000, "must be at most 2000 characters"),
  viewId: z.guid({ message: "must be a saved view id" }).transform((id) => id.toLowerCase()).nullable(),
  frequency: z.enum(REPORT_FREQUENCIES, { message: `must be one of ${REPORT_FREQUENCIES.join(", ")}` }),
  weekday: z.number({ message: "must be a weekday number, 1 (Monday) to 7 (Sunday)" }).int("must be a whole number").min(1, "must be 1 (Monday) to 7 (Sunday)").max(7, "must be 1 (Monday) to 7 (Sunday)").nullable(),
  monthDay: z.number({ message: "must be a day of the month, 1 to 31" }).int("must be a whole number").min(1, "must be 1 to 31").max(31, "must be 1 to 31").nullable(),
  localTime: z.string({ message: "must be a time such as 09:00" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time such as 09:00"),
  formats: z
    .array(z.enum(REPORT_FORMATS, { message: "must be pdf or xlsx" }), { message: "must be a list: pdf, xlsx or both" })
    .min(1, "must name pdf, xlsx or both")
    .transform((list) => REPORT_FORMATS.filter((format) => list.includes(format))),
  channel: z.enum(REPORT_CHANNELS, { message: "must be email or telegram" }),
  telegramChatId: z.string({ message: "must be a chat id such as -1001234567890" }).trim().regex(/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/, "must be a chat id such as -1001234567890 or @channel").nullable(),
  recipients: z.object(
    {
      userIds: z.array(z.guid({ message: "must be a user id" }).transform((id) => id.toLowerCase()), { message: "must be a list of user ids" }).max(MAX_RECIPIENTS, `must list at most ${MAX_RECIPIENTS}`).default([]),
      emails: z
        .array(z.email({ message: "must be an e-mail address" }).transform((email) => email.toLowerCase()), { message: "must be a list of e-mail addresses" })
        .max(MAX_RECIPIENTS, `must list at most ${MAX_RECIPIENTS}`)
        .default([]),
    },
    { message: "must be { userIds, emails }" },
  ),
  isEnabled: z.boolean({ message: "must be true or false" }),
};

type Shape = { dashboard?: string | null; viewId?: string | null; frequency?: string; weekday?: number | null; monthDay?: number | null; channel?: string; telegramChatId?: string | null; recipients?: { userIds: string[]; emails: string[] } };

/** The rules across fields, for a whole schedule (create) or the schedule after a change (update). */
export function checkSchedule(v: Shape, ctx: z.RefinementCtx) {
  if (Boolean(v.dashboard) === Boolean(v.viewId)) ctx.addIssue({ code: "custom", path: [v.dashboard ? "viewId" : "dashboard"], message: "send a dashboard or a saved view (viewId), one of the two" });
  if (v.frequency === "weekly" && !v.weekday) ctx.addIssue({ code: "custom", path: ["weekday"], message: "is required for a weekly schedule" });
  if (v.frequency === "monthly" && !v.monthDay) ctx.addIssue({ code: "custom", path: ["monthDay"], message: "is required for a monthly schedule" });
  if (v.channel === "telegram" && !v.telegramChatId) ctx.addIssue({ code: "custom", path: ["telegramChatId"], message: "is required for the telegram channel" });
  if (v.channel === "email" && v.recipients && v.recipients.userIds.length + v.recipients.emails.length === 0) {
    ctx.addIssue({ code: "custom", path: ["recipients"], message: "must name at least one person or address" });
  }
}

const base = z.object({
  name: fields.name,
  dashboard: fields.dashboard.default(null),
  query: fields.query.default(""),
  viewId: fields.viewId.default(null),
  frequency: fields.frequency,
  weekday: fields.weekday.default(null),
  monthDay: fields.monthDay.default(null),
  localTime: fields.localTime,
  formats: fields.formats.default(["pdf"]),
  channel: fields.channel.default("email"),
  telegramChatId: fields.telegramChatId.default(null),
  recipients: fields.recipients.default({ userIds: [], emails: [] }),
  isEnabled: fields.isEnabled.default(true),
});

export const createScheduleSchema = base.superRefine(checkSchedule);
export type CreateScheduleInput = z.infer<typeof createScheduleSchema>;

export const updateScheduleSchema = z
  .object(Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> })
  .strict()
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one field to change");
export type UpdateScheduleInput = z.infer<typeof updateScheduleSchema>;

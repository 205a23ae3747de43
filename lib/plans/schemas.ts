// Request shapes of the plans API (no database imports, so the plans page can share them). Each rule
// names its error code, so a refusal says which field of which row and why (lib/api/error-body.ts).
import { z } from "zod";
import { readAmount } from "@/lib/ad-spend/values";

// zod's own checks drop `params`; only a refinement's issue carries the catalogue code.
const coded = (code: string, message: string) => ({ message, params: { code } });
const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;

/** "2026-03": a month from 2000 to 2099. */
export const monthSchema = z
  .unknown()
  .refine((value) => typeof value === "string" && MONTH.test(value), coded("plan_month_invalid", "must be a month like 2026-03"))
  .transform((value) => value as string);

export const plansQuerySchema = z.object({ month: monthSchema });

// Money travels as text ("1500000.00", "1 500 000,50") so no float ever holds it; a JSON number is
// read as its decimal text.
const revenueSchema = z
  .union([z.string(), z.number()], coded("plan_revenue_invalid", "must be an amount as text, like \"1500000.00\""))
  .nullable()
  .transform((value, context) => {
    if (value === null || value === "") return null;
    const amount = readAmount(String(value));
    if (amount === null) context.addIssue({ code: "custom", ...coded("plan_revenue_invalid", "must be an amount like 1500000 or 1 500 000,50 (at most 2 decimals, not negative)") });
    return amount;
  });

const wonDealsSchema = z
  .unknown()
  .refine((value) => value === null || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000), coded("plan_won_deals_invalid", "must be a whole number of deals from 0 to 1000000, or null"))
  .transform((value) => value as number | null);


export const planRowSchema = z
  .object({
    month: monthSchema,
    userId: z.uuid({ message: "must be a user id" }).optional(),
    departmentId: z.uuid({ message: "must be a department id" }).optional(),
    revenue: revenueSchema.default(null),
    wonDeals: wonDealsSchema.default(null),
  })
  .refine((row) => (row.userId === undefined) !== (row.departmentId === undefined), { ...coded("plan_target_required", "must name exactly one of userId and departmentId"), path: ["userId"] });

export const plansBodySchema = z.object({
  rows: z.array(planRowSchema, { message: "must be an array of rows" }).min(1, "must hold at least one row").max(5_000, "must hold at most 5000 rows"),
});

export type PlanInput = z.infer<typeof planRowSchema>;

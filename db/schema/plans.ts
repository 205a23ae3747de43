// Sales plans: a month's target revenue and won deals for one person (a Voronka user, with every CRM
// account linked to them) or one department. Months are the organisation's local months ("2026-03").
import { sql } from "drizzle-orm";
import { char, check, integer, pgTable, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, money, orgId, referenceIndexes, ts } from "./common";
import { departments, organisations, users } from "./orgs";

export const salesPlans = pgTable(
  "sales_plans",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** "YYYY-MM", a month in the organisation's time zone: the same key the reports' months use. */
    month: char("month", { length: 7 }).notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "cascade" }),
    /** Exact, in `currency` — the organisation's reporting currency when the plan was set. */
    revenue: money("revenue"),
    currency: char("currency", { length: 3 }).notNull(),
    wonDeals: integer("won_deals"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // One plan per person and month, one per department and month; a plan is for exactly one of them.
    uniqueIndex("sales_plans_user_month_uq").on(t.orgId, t.month, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex("sales_plans_department_month_uq").on(t.orgId, t.month, t.departmentId).where(sql`${t.departmentId} is not null`),
    check("sales_plans_one_target", sql`(${t.userId} is null) <> (${t.departmentId} is null)`),
    check("sales_plans_month_shape", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("sales_plans_figures", sql`(${t.revenue} is null or ${t.revenue} >= 0) and (${t.wonDeals} is null or ${t.wonDeals} >= 0)`),
    ...referenceIndexes("sales_plans", [t.userId, t.departmentId]),
  ],
);

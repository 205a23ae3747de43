// The demo's sales plans: for each manager, the last three months and the current one, set a little
// above what they won a month on average in the half-year before — so the plan cards and columns
// show some months beaten and some missed. Figures come from the Managers report itself and are
// stored through the plans' own writer, as an admin's form would store them.
import { and, eq } from "drizzle-orm";
import { organisations, users } from "../schema";
import type { Db } from "../types";
import { writePlans, type PlanRow } from "@/lib/plans/store";
import { getManagerActivity } from "@/lib/reports/manager-activity";
import { resolvePeriod } from "@/lib/reports/filters";
import { fromCents, toCents } from "@/lib/reports/deal-sql";
import { localToday } from "@/lib/time/comparison";
import { daysInMonth } from "@/lib/plans/progress";

/** Plan ÷ the half-year's monthly average, per month from three months ago to the current one (in %). */
const STRETCH = [100, 105, 110, 115];
const ROUND_TO = 1_000_000n; // 10 000 ₸ in tiyn: plans are round numbers

export async function seedDemoPlans(db: Db, orgId: string, now: Date): Promise<number> {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, orgId));
  const [admin] = await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.role, "admin"))).limit(1);
  const thisMonth = localToday(now, org.timezone).slice(0, 7);
  const months = [-3, -2, -1, 0].map((offset) => shiftMonth(thisMonth, offset));
  // The six whole months before the first planned one.
  const period = resolvePeriod({ from: `${shiftMonth(months[0], -6)}-01`, to: `${shiftMonth(months[0], -1)}-${daysInMonth(shiftMonth(months[0], -1))}` }, org.timezone, now);
  const context = { db, scope: { kind: "org" as const, orgId }, org: { baseCurrency: org.baseCurrency, timezone: org.timezone }, filters: {}, period, now };
  const history = await getManagerActivity(context);
  const managerIds = new Set((await db.select({ id: users.id }).from(users).where(and(eq(users.orgId, orgId), eq(users.role, "manager")))).map((user) => user.id));
  const rows: PlanRow[] = [];
  for (const person of history.rows) {
    if (!person.managerId || !managerIds.has(person.managerId) || person.dealsWon === 0) continue;
    months.forEach((month, index) => {
      const cents = (toCents(person.wonAmount) * BigInt(STRETCH[index])) / (6n * 100n);
      const revenue = fromCents(((cents + ROUND_TO / 2n) / ROUND_TO) * ROUND_TO);
      const wonDeals = Math.max(1, Math.round((person.dealsWon * STRETCH[index]) / 600));
      rows.push({ month, userId: person.managerId, departmentId: null, revenue, wonDeals });
    });
  }
  if (rows.length > 0) await writePlans(db, { orgId, userId: admin.id }, rows, org.baseCurrency, "demo");
  return rows.length;
}

function shiftMonth(month: string, offset: number): string {
  const [year, index] = month.split("-").map(Number);
  const date = new Date(Date.UTC(year, index - 1 + offset, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}


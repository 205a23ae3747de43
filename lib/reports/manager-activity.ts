// Manager activity: per manager (CRM user) in the viewer's scope, completed calls, e-mails, meetings
// and tasks by the day they started, call minutes, deals created, deals won and the win rate,
// summed from the daily rollups kept current on write (lib/reports/facts).
import { and, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { crmUsers, reportActivityDaily, reportDealDaily } from "@/db/schema";
import { dayWithin } from "./facts/query";
import { reportRows } from "./filters";
import type { ReportContext, ReportDefinition } from "./report";

export type ManagerActivityFigures = {
  calls: number;
  emails: number;
  meetings: number;
  tasks: number;
  activitiesTotal: number;
  /** Talk time of completed calls in minutes, one decimal. */
  callMinutes: number;
  dealsCreated: number;
  dealsWon: number;
  /** Base currency, two decimals. */
  wonAmount: string;
  /** won ÷ (won + lost) among deals closed in the period, four decimals; null when none closed. */
  winRate: number | null;
};
/** managerId and managerName are null for activities and deals that have no manager (admins only). */
export type ManagerActivityRow = { managerId: string | null; managerName: string | null } & ManagerActivityFigures;
export type ManagerActivityResult = { rows: ManagerActivityRow[]; totals: ManagerActivityFigures };

type Tally = { calls: number; emails: number; meetings: number; tasks: number; callSeconds: number; dealsCreated: number; dealsWon: number; dealsLost: number; wonCents: bigint };
const emptyTally = (): Tally => ({ calls: 0, emails: 0, meetings: 0, tasks: 0, callSeconds: 0, dealsCreated: 0, dealsWon: 0, dealsLost: 0, wonCents: 0n });


export async function getManagerActivity(context: ReportContext): Promise<ManagerActivityResult> {
  const { db, scope, org, period } = context;
  const a = reportActivityDaily;
  const d = reportDealDaily;
  const sumIf = (column: AnyColumn, condition: SQL) => sql<number>`(coalesce(sum(${column}) filter (where ${condition}), 0))::int`;
  // activities have no pipeline, so the pipeline filter does not apply to them
  const activityRows = await db
    .select({
      managerId: a.crmUserId,
      calls: sumIf(a.activities, sql`${a.type} = 'call'`),
      emails: sumIf(a.activities, sql`${a.type} = 'email'`),
      meetings: sumIf(a.activities, sql`${a.type} = 'meeting'`),
      tasks: sumIf(a.activities, sql`${a.type} = 'task'`),
      callSeconds: sql<number>`(coalesce(sum(${a.callSeconds}), 0))::int`,
    })
    .from(a)
    .where(and(reportRows(context, a), dayWithin(a.day, period, org.timezone)))
    .groupBy(a.crmUserId);

  const closedWon = sql`${d.kind} = 'closed' and ${d.semantic} = 'won'`;
  const dealRows = await db
    .select({
      managerId: d.crmUserId,
      dealsCreated: sumIf(d.deals, sql`${d.kind} = 'created'`),
      dealsWon: sumIf(d.deals, closedWon),
      dealsLost: sumIf(d.deals, sql`${d.kind} = 'closed' and ${d.semantic} = 'lost'`),
      wonAmount: sql<string>`(coalesce(sum(${d.amount}) filter (where ${closedWon}), 0))::numeric(18,2)::text`,
    })
    .from(d)
    .where(and(reportRows(context, d), dayWithin(d.day, period, org.timezone)))
    .groupBy(d.crmUserId);

  const tallies = new Map<string | null, Tally>();
  const tallyOf = (managerId: string | null) => tallies.get(managerId) ?? tallies.set(managerId, emptyTally()).get(managerId)!;
  for (const row of activityRows) Object.assign(tallyOf(row.managerId), { calls: row.calls, emails: row.emails, meetings: row.meetings, tasks: row.tasks, callSeconds: row.callSeconds });
  for (const row of dealRows) {
    Object.assign(tallyOf(row.managerId), { dealsCreated: row.dealsCreated, dealsWon: row.dealsWon, dealsLost: row.dealsLost, wonCents: toCents(row.wonAmount) });
  }

  const ids = [...tallies.keys()].filter((id): id is string => id !== null);
  const names = new Map(
    ids.length
      ? (await db.select({ id: crmUsers.id, name: crmUsers.name }).from(crmUsers).where(and(eq(crmUsers.orgId, scope.orgId), inArray(crmUsers.id, ids)))).map((u) => [u.id, u.name])
      : [],
  );
  const rows = [...tallies.entries()]
    .map(([managerId, tally]) => ({ managerId, managerName: managerId ? (names.get(managerId) ?? null) : null, ...figures(tally) }))
    // by name; the row without a manager last
    .sort((a, b) => (a.managerId === null ? 1 : b.managerId === null ? -1 : (a.managerName ?? "").localeCompare(b.managerName ?? "", "ru")));

  const total = emptyTally();
  for (const tally of tallies.values()) {
    for (const key of ["calls", "emails", "meetings", "tasks", "callSeconds", "dealsCreated", "dealsWon", "dealsLost"] as const) total[key] += tally[key];
    total.wonCents += tally.wonCents;
  }
  return { rows, totals: figures(total) };
}

function figures(t: Tally): ManagerActivityFigures {
  const closedCount = t.dealsWon + t.dealsLost;
  return {
    calls: t.calls,
    emails: t.emails,
    meetings: t.meetings,
    tasks: t.tasks,
    activitiesTotal: t.calls + t.emails + t.meetings + t.tasks,
    callMinutes: Math.round(t.callSeconds / 6) / 10,
    dealsCreated: t.dealsCreated,
    dealsWon: t.dealsWon,
    wonAmount: fromCents(t.wonCents),
    winRate: closedCount === 0 ? null : Math.round((t.dealsWon / closedCount) * 10000) / 10000,
  };
}

// Money is summed in whole cents so totals stay exact.
function toCents(amount: string): bigint {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace("-", "").split(".");
  const cents = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  return negative ? -cents : cents;
}

function fromCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

export const managerActivityReport: ReportDefinition<ManagerActivityResult> = { name: "manager-activity", run: getManagerActivity };

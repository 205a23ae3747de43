// Manager activity: per person in the viewer's scope — the Voronka user with every CRM account linked
// to them (Bitrix24 and amoCRM), or a CRM user linked to nobody — completed calls, e-mails, meetings
// and tasks by the day they started, call minutes, deals created, deals won and the win rate, with
// each CRM account's own figures as detail. Summed from the daily rollups (lib/reports/facts); the
// medians of the won deals' patterns (touches per won deal, days to close) from deal_patterns.
import { and, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { crmUsers, reportActivityDaily, reportDealDaily, sources, users } from "@/db/schema";
import { wonDealMedians, noMedians, type DealMedians } from "./deal-medians";
import { dayWithin } from "./facts/query";
import { personName } from "./filter-options";
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
} & DealMedians;
/** One CRM account of a person: the CRM user's id and name, and the CRM it belongs to. */
export type ManagerAccount = { crmUserId: string; name: string; sourceName: string } & ManagerActivityFigures;
/**
 * managerId: the person — the Voronka user's id when the CRM users are linked to one, else the CRM
 * user's id (either selects them in the manager filter); managerName: as the CRM names them, or the
 * Voronka user's name when their accounts are named differently (personName).
 * Both null for activities and deals that have no manager (admins only), which have no accounts.
 */
export type ManagerActivityRow = { managerId: string | null; managerName: string | null } & ManagerActivityFigures;
/** A report row: the person's figures and, as detail, their CRM accounts' (none for the row without a manager). */
export type ManagerPersonRow = ManagerActivityRow & { accounts: ManagerAccount[] };
export type ManagerActivityResult = { rows: ManagerPersonRow[]; totals: ManagerActivityFigures };

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

  const medians = await wonDealMedians(context);

  const tallies = new Map<string | null, Tally>();
  const tallyOf = (managerId: string | null) => tallies.get(managerId) ?? tallies.set(managerId, emptyTally()).get(managerId)!;
  for (const row of activityRows) Object.assign(tallyOf(row.managerId), { calls: row.calls, emails: row.emails, meetings: row.meetings, tasks: row.tasks, callSeconds: row.callSeconds });
  for (const row of dealRows) {
    Object.assign(tallyOf(row.managerId), { dealsCreated: row.dealsCreated, dealsWon: row.dealsWon, dealsLost: row.dealsLost, wonCents: toCents(row.wonAmount) });
  }

  const ids = [...tallies.keys()].filter((id): id is string => id !== null);
  const accounts = ids.length
    ? await db
        .select({ id: crmUsers.id, name: crmUsers.name, sourceName: sources.name, userId: crmUsers.userId, userName: users.name })
        .from(crmUsers)
        .innerJoin(sources, eq(sources.id, crmUsers.sourceId))
        .leftJoin(users, eq(users.id, crmUsers.userId))
        .where(and(eq(crmUsers.orgId, scope.orgId), inArray(crmUsers.id, ids)))
    : [];
  const accountOf = new Map(accounts.map((account) => [account.id, account]));

  // One row per person: their accounts' tallies added up, each account kept as detail.
  const people = new Map<string | null, { userName: string | null; tally: Tally; accounts: ManagerAccount[] }>();
  for (const [crmUserId, tally] of tallies) {
    const account = crmUserId ? accountOf.get(crmUserId) : undefined;
    const personId = account ? (account.userId ?? account.id) : crmUserId;
    const person = people.get(personId) ?? people.set(personId, { userName: account?.userName ?? null, tally: emptyTally(), accounts: [] }).get(personId)!;
    addTally(person.tally, tally);
    if (account) person.accounts.push({ crmUserId: account.id, name: account.name, sourceName: account.sourceName, ...figures(tally, medians.byAccount.get(account.id)) });
  }
  const rows = [...people.entries()]
    .map(([managerId, person]) => ({
      managerId,
      managerName: person.accounts.length ? personName(person.accounts.map((account) => account.name), person.userName) : null,
      accounts: person.accounts.sort((a, b) => a.sourceName.localeCompare(b.sourceName, "ru")),
      ...figures(person.tally, medians.byPerson.get(managerId)),
    }))
    // by name; the row without a manager last
    .sort((a, b) => (a.managerId === null ? 1 : b.managerId === null ? -1 : (a.managerName ?? "").localeCompare(b.managerName ?? "", "ru")));

  const total = emptyTally();
  for (const tally of tallies.values()) addTally(total, tally);
  return { rows, totals: figures(total, medians.total) };
}

function addTally(sum: Tally, tally: Tally): void {
  for (const key of ["calls", "emails", "meetings", "tasks", "callSeconds", "dealsCreated", "dealsWon", "dealsLost"] as const) sum[key] += tally[key];
  sum.wonCents += tally.wonCents;
}

function figures(t: Tally, medians: DealMedians = noMedians): ManagerActivityFigures {
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
    ...medians,
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

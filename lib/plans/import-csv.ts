// A plans CSV file: month; a person's e-mail or a department's name; revenue; won deals. Every line
// is checked, and nothing is stored unless every line is good: a refused file names its bad lines
// and changes nothing, so fixing and re-sending it cannot half-apply a month.
import { eq } from "drizzle-orm";
import { departments, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { readAmount } from "@/lib/ad-spend/values";
import { fold } from "@/lib/attribution/pattern";
import { assertCan } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import { readCsvTable, type CsvRow } from "@/lib/csv-table";
import type { ErrorBody, ErrorCode, ErrorParams } from "@/lib/error-codes";
import { ValidationError } from "@/lib/errors";
import type { Actor } from "./apply";
import { writePlans, type PlanRow, type PlanWrite } from "./store";
import { targetsInScope } from "./targets";

type Column = "month" | "email" | "department" | "revenue" | "wonDeals";
const HEADERS: Record<string, Column> = {
  month: "month", месяц: "month",
  email: "email", manager: "email", менеджер: "email", почта: "email", сотрудник: "email",
  department: "department", отдел: "department",
  revenue: "revenue", выручка: "revenue", планвыручки: "revenue", сумма: "revenue",
  wondeals: "wonDeals", deals: "wonDeals", сделки: "wonDeals", выигранныесделки: "wonDeals", планпосделкам: "wonDeals",
};

export type LineProblem = ErrorBody;
export type LineError = { line: number; problems: LineProblem[] };

const MAX_LINES = 5_000;

export async function importPlansCsv(db: Db, viewer: Actor, text: string): Promise<PlanWrite> {
  assertCan(viewer, "plans:manage");
  const lines = readCsvTable(text, HEADERS, ["month"], () => ({ code: "plan_csv_missing_columns", message: "The header line must name the column month (месяц)", names: "month" }));
  if (lines.length === 0) throw new ValidationError("There is no line to import", { code: "plan_no_rows", field: "rows" });
  if (lines.length > MAX_LINES) throw new ValidationError(`At most ${MAX_LINES} lines at a time; split the file`, { code: "plan_too_many_rows", field: "rows", params: { max: MAX_LINES } });
  const { rows, errors } = checkLines(lines, await resolverFor(db, viewer));
  if (errors.length > 0) {
    const numbers = errors.slice(0, 10).map((error) => error.line).join(", ") + (errors.length > 10 ? ", …" : "");
    const detail = errors.slice(0, 10).map((error) => `line ${error.line}: ${error.problems.map((each) => each.message).join("; ")}`).join("; ");
    throw new ValidationError(`Nothing was imported. ${detail}`, { code: "plan_rows_invalid", params: { count: errors.length, lines: numbers } });
  }
  return writePlans(db, viewer, rows, viewer.org.baseCurrency, "csv");
}

type Resolver = { user: (email: string) => string | undefined; department: (name: string) => string | undefined };

/** Who the file may name: for an admin anyone of the organisation, for a director their department and its managers. */
async function resolverFor(db: Db, viewer: Actor): Promise<Resolver> {
  const pairs =
    viewer.role === "admin"
      ? {
          users: await db.select({ userId: users.id, email: users.email }).from(users).where(eq(users.orgId, viewer.orgId)),
          departments: await db.select({ departmentId: departments.id, name: departments.name }).from(departments).where(eq(departments.orgId, viewer.orgId)),
        }
      : await targetsInScope(db, scopeOf(viewer)).then((targets) => ({ users: targets.managers, departments: targets.departments }));
  const byEmail = new Map(pairs.users.map((user) => [user.email.toLowerCase(), user.userId]));
  const byName = new Map(pairs.departments.map((department) => [fold(department.name.trim()), department.departmentId]));
  return { user: (email) => byEmail.get(email.trim().toLowerCase()), department: (name) => byName.get(fold(name.trim())) };
}

export function checkLines(lines: readonly CsvRow<Column>[], resolve: Resolver): { rows: PlanRow[]; errors: LineError[] } {
  const rows: PlanRow[] = [];
  const seen = new Map<string, number>();
  const errors: LineError[] = [];
  for (const input of lines) {
    const problems: LineProblem[] = [];
    const month = readMonth(input.month ?? "");
    if (!month) problems.push(problem("plan_month_invalid", "month", `month: "${input.month ?? ""}" is not a month (write 2026-03 or 03.2026)`, { value: input.month ?? "" }));
    const email = input.email?.trim() ?? "";
    const department = input.department?.trim() ?? "";
    let userId: string | null = null;
    let departmentId: string | null = null;
    if ((email === "") === (department === "")) problems.push(problem("plan_target_required", "email", "name either a person's e-mail or a department, not both"));
    else if (email) {
      userId = resolve.user(email) ?? null;
      if (!userId) problems.push(problem("plan_target_unknown", "email", `no person "${email}" whose plan you may set`, { value: email }));
    } else {
      departmentId = resolve.department(department) ?? null;
      if (!departmentId) problems.push(problem("plan_target_unknown", "department", `no department "${department}" whose plan you may set`, { value: department }));
    }
    const revenueText = input.revenue?.trim() ?? "";
    const revenue = revenueText === "" ? null : readAmount(revenueText);
    if (revenueText !== "" && revenue === null) problems.push(problem("plan_revenue_invalid", "revenue", `revenue: "${revenueText}" is not an amount (e.g. 1500000 or 1 500 000,50)`, { value: revenueText }));
    const dealsText = (input.wonDeals ?? "").replace(/[\s\u00a0]/g, "");
    const wonDeals = dealsText === "" ? null : /^\d{1,7}$/.test(dealsText) ? Number(dealsText) : undefined;
    if (wonDeals === undefined) problems.push(problem("plan_won_deals_invalid", "wonDeals", `won deals: "${input.wonDeals}" is not a whole number`, { value: input.wonDeals ?? "" }));
    if (problems.length > 0) {
      errors.push({ line: input.line, problems });
      continue;
    }
    // The same month and target twice is ambiguous (which figure wins?), so it is an error, not a guess.
    const key = `${month}|${userId ?? ""}|${departmentId ?? ""}`;
    const first = seen.get(key);
    if (first !== undefined) errors.push({ line: input.line, problems: [problem("plan_duplicate_row", undefined, `repeats line ${first} (same month and target)`, { line: first })] });
    else {
      seen.set(key, input.line);
      rows.push({ month: month!, userId, departmentId, revenue, wonDeals: wonDeals ?? null });
    }
  }
  return { rows, errors };
}

/** "2026-03" or "03.2026" as "2026-03". */
export function readMonth(text: string): string | null {
  const value = text.trim();
  const iso = /^(20\d{2})-(0[1-9]|1[0-2])$/.exec(value);
  const ru = /^(0[1-9]|1[0-2])\.(20\d{2})$/.exec(value);
  return iso ? `${iso[1]}-${iso[2]}` : ru ? `${ru[2]}-${ru[1]}` : null;
}

function problem(code: ErrorCode, field: string | undefined, message: string, params?: ErrorParams): LineProblem {
  return { code, message, ...(field ? { field } : {}), ...(params ? { params } : {}) };
}

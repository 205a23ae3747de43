// Creating, changing, listing and deleting schedules. An admin manages every schedule of the
// organisation; a director their own. What is sent must lie inside the creator's scope, as a saved
// view's filters must; each recipient then receives it narrowed to their own (./compose.ts).
import { and, desc, eq, type SQL } from "drizzle-orm";
import { ZodError } from "zod";
import { reportSchedules, savedViews, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { diffFields, writeAudit } from "@/lib/audit";
import { assertCan, parseId } from "@/lib/auth/guards";
import { scopeOf } from "@/lib/auth/scope";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertFiltersInScope, parseReportFilters } from "@/lib/reports/filters";
import { reportQueryString } from "@/lib/reports/report-query";
import { getSavedView } from "@/lib/saved-views/saved-views";
import { nextRunAfter } from "./next-run";
import { checkRecipients, listRecipients, setRecipients, type RecipientView } from "./recipients";
import { checkSchedule, type CreateScheduleInput, type UpdateScheduleInput } from "./schemas";

type Row = typeof reportSchedules.$inferSelect;
export type Schedule = Omit<Row, "orgId" | "createdBy"> & { createdBy: { id: string; name: string }; viewName: string | null; recipients: RecipientView[] };

function manageable(viewer: Viewer): SQL {
  const org = eq(reportSchedules.orgId, viewer.orgId);
  return viewer.role === "admin" ? org : and(org, eq(reportSchedules.createdBy, viewer.userId))!;
}

async function select(db: Db, where: SQL): Promise<Schedule[]> {
  const rows = await db
    .select({ schedule: reportSchedules, creatorName: users.name, viewName: savedViews.name })
    .from(reportSchedules)
    .innerJoin(users, eq(users.id, reportSchedules.createdBy))
    .leftJoin(savedViews, eq(savedViews.id, reportSchedules.viewId))
    .where(where)
    .orderBy(desc(reportSchedules.createdAt));
  const recipients = await listRecipients(db, rows.map((row) => row.schedule.id));
  return rows.map(({ schedule, creatorName, viewName }) => {
    const { createdBy, ...rest } = schedule;
    delete (rest as Partial<Row>).orgId; // the caller's own organisation: nothing to tell
    return { ...rest, createdBy: { id: createdBy, name: creatorName }, viewName, recipients: recipients.get(rest.id) ?? [] };
  });
}

export function listSchedules(db: Db, viewer: Viewer): Promise<Schedule[]> {
  assertCan(viewer, "schedules:manage");
  return select(db, manageable(viewer));
}

export async function getSchedule(db: Db, viewer: Viewer, id: string): Promise<Schedule> {
  assertCan(viewer, "schedules:manage");
  const [schedule] = await select(db, and(manageable(viewer), eq(reportSchedules.id, parseId(id, "Report schedule")))!);
  if (!schedule) throw new NotFoundError("Report schedule");
  return schedule;
}

/** The dashboard's filters in canonical form, inside the creator's scope; a bad one is named `query.<filter>`. */
async function checkedQuery(db: Db, viewer: Viewer, query: string): Promise<string> {
  const canonical = reportQueryString(new URLSearchParams(query.replace(/^\?/, "")));
  try {
    await assertFiltersInScope(db, scopeOf(viewer), parseReportFilters(new URLSearchParams(canonical)));
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const issue = error.issues[0];
    throw new ValidationError(`query.${issue.path.join(".")}: ${issue.message}`, { field: `query.${issue.path.join(".")}` });
  }
  return canonical;
}

export async function createSchedule(db: Db, viewer: Viewer, input: CreateScheduleInput): Promise<Schedule> {
  assertCan(viewer, "schedules:manage");
  if (input.viewId) await getSavedView(db, viewer, input.viewId);
  const query = input.viewId ? "" : await checkedQuery(db, viewer, input.query);
  await checkRecipients(db, viewer, input.recipients);
  const nextRunAt = nextRunAfter(input, viewer.org.timezone, new Date());
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reportSchedules)
      .values({ ...input, query, orgId: viewer.orgId, createdBy: viewer.userId, nextRunAt })
      .returning({ id: reportSchedules.id });
    await setRecipients(tx, viewer.orgId, row.id, input.channel === "email" ? input.recipients : { userIds: [], emails: [] });
    await writeAudit(tx, viewer, { action: "report_schedule.create", targetType: "report_schedule", targetId: row.id, details: { name: input.name, dashboard: input.dashboard, viewId: input.viewId, frequency: input.frequency, channel: input.channel, recipients: input.recipients } });
    return row.id;
  });
  return getSchedule(db, viewer, id);
}

export async function updateSchedule(db: Db, viewer: Viewer, id: string, changes: UpdateScheduleInput): Promise<Schedule> {
  const current = await getSchedule(db, viewer, id);
  const { recipients, ...fields } = changes;
  const next = { ...current, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) } as Schedule;
  if (changes.dashboard) next.viewId = null;
  if (changes.viewId) next.dashboard = null;
  const wanted = recipients ?? { userIds: current.recipients.flatMap((r) => (r.userId ? [r.userId] : [])), emails: current.recipients.flatMap((r) => (r.userId ? [] : [r.email])) };
  const issues: { path: string[]; message: string }[] = [];
  checkSchedule({ ...next, recipients: wanted }, { addIssue: (issue: { path?: PropertyKey[]; message?: string }) => issues.push({ path: (issue.path ?? []).map(String), message: issue.message ?? "" }) } as never);
  if (issues.length > 0) throw new ValidationError(`${issues[0].path.join(".")}: ${issues[0].message}`, { field: issues[0].path.join(".") });
  if (changes.viewId) await getSavedView(db, viewer, changes.viewId);
  const query = next.viewId ? "" : changes.query !== undefined ? await checkedQuery(db, viewer, changes.query) : current.query;
  if (recipients) await checkRecipients(db, viewer, recipients);
  // Re-planned only when the rule really changed: the edit form sends every field, and planning again
  // from now on an unchanged rule would skip a run that is due but not yet picked up.
  const ruleChanged = (["frequency", "weekday", "monthDay", "localTime", "isEnabled"] as const).some((key) => fields[key] !== undefined && fields[key] !== current[key]);
  const nextRunAt = ruleChanged ? nextRunAfter(next, viewer.org.timezone, new Date()) : current.nextRunAt;
  await db.transaction(async (tx) => {
    const { name, dashboard, viewId, frequency, weekday, monthDay, localTime, formats, channel, telegramChatId, isEnabled } = next;
    await tx
      .update(reportSchedules)
      .set({ name, dashboard, viewId, query, frequency, weekday, monthDay, localTime, formats, channel, telegramChatId, isEnabled, nextRunAt, updatedAt: new Date() })
      .where(eq(reportSchedules.id, current.id));
    if (recipients || changes.channel) await setRecipients(tx, viewer.orgId, current.id, next.channel === "email" ? wanted : { userIds: [], emails: [] });
    const diff = diffFields({ ...current, query } as Record<string, unknown>, { ...fields, query } as Record<string, unknown>);
    await writeAudit(tx, viewer, { action: "report_schedule.update", targetType: "report_schedule", targetId: current.id, details: { changes: diff, ...(recipients ? { recipients } : {}) } });
  });
  return getSchedule(db, viewer, current.id);
}

export async function deleteSchedule(db: Db, viewer: Viewer, id: string): Promise<void> {
  const current = await getSchedule(db, viewer, id);
  await db.transaction(async (tx) => {
    await tx.delete(reportSchedules).where(eq(reportSchedules.id, current.id));
    await writeAudit(tx, viewer, { action: "report_schedule.delete", targetType: "report_schedule", targetId: current.id, details: { name: current.name } });
  });
}

// Saving, changing and deleting views, and a person's own marks on them (pinned, default). Sharing
// reaches no further than the role's scope: a director shares with their own department, an admin
// with the organisation or any department, a manager not at all.
import { and, count, eq, ne, sql } from "drizzle-orm";
import { diffFields, writeAudit } from "@/lib/audit";
import { isUniqueViolation } from "@/db/errors";
import { departments, savedViewMarks, savedViews, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { assertCan } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { scopeOf } from "@/lib/auth/scope";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { assertAnswerable } from "@/lib/reports/builder/run-custom-report";
import { assertFiltersInScope, parseReportFilters } from "@/lib/reports/filters";
import { getSavedView, type Reader, type SavedView } from "./saved-views";
import { reportQuery, type CreateSavedViewInput, type SavedViewVisibility, type UpdateSavedViewInput } from "./schemas";

const nameTaken = (name: string) => new ConflictError(`You already have a view named "${name}"`, { code: "saved_view_name_taken", field: "name", params: { name } });
const readOnly = () => new ForbiddenError("Only the view's owner (or an admin, for a shared view) may change it", { code: "saved_view_read_only" });

/** Enough for every dashboard several times over; a script creating views in a loop stops here. */
export const MAX_VIEWS_PER_PERSON = 100;

export async function createSavedView(db: Db, reader: Reader, input: CreateSavedViewInput): Promise<SavedView> {
  assertCan(reader, "views:manage-own");
  const departmentId = await sharedDepartment(db, reader, input.visibility, input.departmentId);
  if (input.report) assertAnswerable(input.report, "report.dimensions");
  await assertFiltersInScope(db, scopeOf(reader), parseReportFilters(new URLSearchParams(input.query)));
  const [{ owned }] = await db.select({ owned: count() }).from(savedViews).where(and(eq(savedViews.orgId, reader.orgId), eq(savedViews.ownerId, reader.userId)));
  if (owned >= MAX_VIEWS_PER_PERSON) {
    throw new ConflictError(`You already keep ${MAX_VIEWS_PER_PERSON} views; delete one first`, { code: "saved_view_limit", params: { max: MAX_VIEWS_PER_PERSON } });
  }
  const id = await db
    .transaction(async (tx) => {
      const [row] = await tx
        .insert(savedViews)
        .values({ orgId: reader.orgId, ownerId: reader.userId, name: input.name, dashboard: input.dashboard, query: input.query, visibility: input.visibility, departmentId })
        .returning({ id: savedViews.id });
      await setMarks(tx, reader, row.id, { isPinned: input.isPinned, isDefault: input.isDefault });
      await writeAudit(tx, reader, { action: "saved_view.create", targetType: "saved_view", targetId: row.id, details: { name: input.name, dashboard: input.dashboard, query: input.query, visibility: input.visibility, departmentId } });
      return row.id;
    })
    .catch((error: unknown) => {
      throw isUniqueViolation(error) ? nameTaken(input.name) : error;
    });
  return getSavedView(db, reader, id);
}

/** Name, filters and sharing need the right to edit; pinning and the default are anyone's own business. */
export async function updateSavedView(db: Db, reader: Reader, id: string, changes: UpdateSavedViewInput): Promise<SavedView> {
  const current = await getSavedView(db, reader, id);
  const { isPinned, isDefault, report, ...content } = changes;
  // A built report changes its body, a dashboard's view its filters; both are kept as `query`.
  if (current.dashboard === "builder" && content.query !== undefined) throw new ValidationError("query: a built report sends its filters inside report", { field: "query" });
  if (current.dashboard !== "builder" && report !== undefined) throw new ValidationError("report: is only for a built report (dashboard builder)", { field: "report" });
  if (report) {
    assertAnswerable(report, "report.dimensions");
    content.query = reportQuery(report);
  }
  const changesContent = Object.values(content).some((value) => value !== undefined);
  if (changesContent) {
    if (!current.canEdit) throw readOnly();
    const visibility = content.visibility ?? current.visibility;
    const departmentId = content.visibility || content.departmentId !== undefined ? await sharedDepartment(db, reader, visibility, content.departmentId) : current.departmentId;
    if (content.query !== undefined) await assertFiltersInScope(db, scopeOf(reader), parseReportFilters(new URLSearchParams(content.query)));
    await db
      .transaction(async (tx) => {
        await tx
          .update(savedViews)
          .set({ name: content.name, query: content.query, visibility, departmentId, updatedAt: new Date() })
          .where(eq(savedViews.id, current.id));
        await forgetLostAudience(tx, current.id, current.owner.id, visibility, departmentId);
        const changes = diffFields({ name: current.name, query: current.query, visibility: current.visibility, departmentId: current.departmentId }, { name: content.name, query: content.query, visibility, departmentId });
        await writeAudit(tx, reader, { action: "saved_view.update", targetType: "saved_view", targetId: current.id, details: { changes } });
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? nameTaken(content.name ?? current.name) : error;
      });
  }
  if (isPinned !== undefined || isDefault !== undefined) await db.transaction((tx) => setMarks(tx, reader, current.id, { isPinned, isDefault }));
  return getSavedView(db, reader, current.id);
}

export async function deleteSavedView(db: Db, reader: Reader, id: string): Promise<void> {
  const current = await getSavedView(db, reader, id);
  if (!current.canEdit) throw readOnly();
  await db.transaction(async (tx) => {
    await tx.delete(savedViews).where(eq(savedViews.id, current.id));
    await writeAudit(tx, reader, { action: "saved_view.delete", targetType: "saved_view", targetId: current.id, details: { name: current.name, owner: current.owner.name, visibility: current.visibility } });
  });
}

/** The department a view is shared with (null unless `department`), after checking the role may share that far. */
async function sharedDepartment(db: Db, reader: Reader, visibility: SavedViewVisibility, departmentId: string | null | undefined): Promise<string | null> {
  if (visibility === "private") return null;
  const action = visibility === "org" ? "views:share-org" : "views:share-department";
  if (!can(reader.role, action)) {
    throw new ForbiddenError(`Your role cannot share a view with ${visibility === "org" ? "the organisation" : "a department"}`, {
      code: "saved_view_share_forbidden",
      field: "visibility",
      params: { visibility },
    });
  }
  if (visibility === "org") return null;
  const target = departmentId ?? reader.departmentId;
  if (!target) throw new ValidationError("departmentId: is required for a view shared with a department", { field: "departmentId" });
  if (reader.role !== "admin" && target !== reader.departmentId) {
    throw new ForbiddenError("That department is outside what you may see", { code: "department_out_of_scope", field: "departmentId" });
  }
  const [department] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, target), eq(departments.orgId, reader.orgId)));
  if (!department) throw new NotFoundError("Department", { field: "departmentId" });
  return department.id;
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

async function setMarks(tx: Tx, reader: Reader, viewId: string, marks: { isPinned?: boolean; isDefault?: boolean }): Promise<void> {
  if (marks.isPinned === undefined && marks.isDefault === undefined) return;
  // One landing page per person: a new default replaces the old one.
  if (marks.isDefault) await tx.update(savedViewMarks).set({ isDefault: false }).where(and(eq(savedViewMarks.userId, reader.userId), ne(savedViewMarks.viewId, viewId)));
  await tx
    .insert(savedViewMarks)
    .values({ userId: reader.userId, viewId, isPinned: marks.isPinned ?? false, isDefault: marks.isDefault ?? false })
    .onConflictDoUpdate({ target: [savedViewMarks.userId, savedViewMarks.viewId], set: { isPinned: marks.isPinned, isDefault: marks.isDefault } });
}

/** A view shared less widely leaves no pins or landing pages with people who can no longer open it. */
async function forgetLostAudience(tx: Tx, viewId: string, ownerId: string, visibility: SavedViewVisibility, departmentId: string | null): Promise<void> {
  if (visibility === "org") return;
  const stillSee = visibility === "department" && departmentId ? sql`select ${users.id} from ${users} where ${users.departmentId} = ${departmentId}` : sql`select ${ownerId}::uuid`;
  await tx.delete(savedViewMarks).where(and(eq(savedViewMarks.viewId, viewId), ne(savedViewMarks.userId, ownerId), sql`${savedViewMarks.userId} not in (${stillSee})`));
}

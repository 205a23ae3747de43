// Reading saved views: the ones a person may see (their own, their organisation's, their
// department's), with their own marks on each and whether they may change it.
import { and, asc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { savedViewMarks, savedViews, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { parseId } from "@/lib/auth/guards";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { bodyAt } from "@/lib/reports/builder/address";
import { customReportSchema, type CustomReportRequest } from "@/lib/reports/builder/request";
import type { SavedViewKind } from "./dashboards";
import type { SavedViewVisibility } from "./schemas";

export type Reader = Pick<Viewer, "orgId" | "userId" | "role" | "departmentId">;

export type SavedView = {
  id: string;
  name: string;
  dashboard: SavedViewKind;
  query: string;
  /** A built report's body (dashboard `builder`), read back from its query; null for a dashboard's view. */
  report: CustomReportRequest | null;
  visibility: SavedViewVisibility;
  departmentId: string | null;
  owner: { id: string; name: string };
  isOwn: boolean;
  /** Rename, change the filters or the sharing, delete: the owner, and admins for any shared view. */
  canEdit: boolean;
  isPinned: boolean;
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * The views a person may open: their own, the organisation's, and their department's; an admin also
 * every department's, to look after what is shared (private views stay their owners').
 */
export function visibleTo(reader: Reader): SQL {
  if (reader.role === "admin") return and(eq(savedViews.orgId, reader.orgId), or(eq(savedViews.ownerId, reader.userId), ne(savedViews.visibility, "private")))!;
  const shared = [eq(savedViews.visibility, "org")];
  if (reader.departmentId) shared.push(and(eq(savedViews.visibility, "department"), eq(savedViews.departmentId, reader.departmentId))!);
  return and(eq(savedViews.orgId, reader.orgId), or(eq(savedViews.ownerId, reader.userId), ...shared))!;
}

export function canEditView(reader: Reader, view: { ownerId: string; visibility: SavedViewVisibility }): boolean {
  return view.ownerId === reader.userId || (reader.role === "admin" && view.visibility !== "private");
}

async function selectViews(db: Db, reader: Reader, where: SQL): Promise<SavedView[]> {
  const rows = await db
    .select({
      view: savedViews,
      ownerName: users.name,
      isPinned: sql<boolean>`coalesce(${savedViewMarks.isPinned}, false)`,
      isDefault: sql<boolean>`coalesce(${savedViewMarks.isDefault}, false)`,
    })
    .from(savedViews)
    .innerJoin(users, eq(users.id, savedViews.ownerId))
    .leftJoin(savedViewMarks, and(eq(savedViewMarks.viewId, savedViews.id), eq(savedViewMarks.userId, reader.userId)))
    .where(and(visibleTo(reader), where))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.createdAt));
  return rows.map(({ view, ownerName, isPinned, isDefault }) => ({
    id: view.id,
    name: view.name,
    dashboard: view.dashboard as SavedViewKind,
    query: view.query,
    report: view.dashboard === "builder" ? reportAt(view.query) : null,
    visibility: view.visibility,
    departmentId: view.departmentId,
    owner: { id: view.ownerId, name: ownerName },
    isOwn: view.ownerId === reader.userId,
    canEdit: canEditView(reader, view),
    isPinned: Boolean(isPinned),
    isDefault: Boolean(isDefault),
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
  }));
}

/** The body a built report's stored address describes; null if the builder no longer accepts it (a measure since renamed). */
function reportAt(query: string): CustomReportRequest | null {
  const parsed = customReportSchema.safeParse(bodyAt(new URLSearchParams(query)));
  return parsed.success ? (parsed.data as CustomReportRequest) : null;
}

export function listSavedViews(db: Db, reader: Reader): Promise<SavedView[]> {
  return selectViews(db, reader, sql`true`);
}

/** A view the person may see; anything else, another organisation's included, is "not found". */
export async function getSavedView(db: Db, reader: Reader, id: string): Promise<SavedView> {
  const [view] = await selectViews(db, reader, eq(savedViews.id, parseId(id, "Saved view")));
  if (!view) throw new NotFoundError("Saved view");
  return view;
}

/** The person's default view, if they still may see it. */
export async function findDefaultView(db: Db, reader: Reader): Promise<SavedView | null> {
  const [view] = await selectViews(db, reader, sql`${savedViewMarks.isDefault}`);
  return view ?? null;
}

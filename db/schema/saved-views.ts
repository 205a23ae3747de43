// Saved views: a dashboard and its filter query under a name, private or shared, and each person's
// own marks on the views they can see (pinned to the sidebar, their landing page).
import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, referenceIndexes, ts } from "./common";
import { departments, organisations, users } from "./orgs";

export const savedViewVisibilityEnum = pgEnum("saved_view_visibility", ["private", "department", "org"]);

export const savedViews = pgTable(
  "saved_views",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** A dashboard name of lib/saved-views/dashboards.ts: text, so a new dashboard needs no migration. */
    dashboard: text("dashboard").notNull(),
    /** The filters only, in reportQueryString's canonical form ("managerId=…&preset=this-year"). */
    query: text("query").notNull().default(""),
    visibility: savedViewVisibilityEnum("visibility").notNull().default("private"),
    /** The department a `department` view is shared with; its deletion leaves the view to its owner alone. */
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    // One name per person: two views called «Мой отдел» in one list cannot be told apart.
    uniqueIndex("saved_views_owner_name_uq").on(t.ownerId, sql`lower(${t.name})`),
    index("saved_views_org_visibility_idx").on(t.orgId, t.visibility),
    ...referenceIndexes("saved_views", [t.departmentId]),
  ],
);

/** A person's marks on a view they can see: pinned to their sidebar, and at most one default landing page. */
export const savedViewMarks = pgTable(
  "saved_view_marks",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    viewId: uuid("view_id")
      .notNull()
      .references(() => savedViews.id, { onDelete: "cascade" }),
    isPinned: boolean("is_pinned").notNull().default(false),
    isDefault: boolean("is_default").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.viewId] }),
    uniqueIndex("saved_view_marks_one_default_uq").on(t.userId).where(sql`${t.isDefault}`),
    ...referenceIndexes("saved_view_marks", [t.viewId]),
  ],
);

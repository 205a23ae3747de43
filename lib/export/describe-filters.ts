// The filters and the scope of an export in words people read: "Менеджер: Анна Петрова", not ids.
// Runs after runReport has checked the filters are inside the viewer's scope.
import { and, eq } from "drizzle-orm";
import { crmUsers, departments, pipelines, sources, stages, trafficTeams, users } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import type { ReportFilters } from "@/lib/reports/filters";

type NamedTable = typeof pipelines | typeof departments | typeof crmUsers | typeof sources | typeof stages | typeof trafficTeams | typeof users;

async function nameOf(db: Db, tables: NamedTable[], id: string, orgId: string): Promise<string> {
  for (const table of tables) {
    const [row] = await db.select({ name: table.name }).from(table).where(and(eq(table.id, id), eq(table.orgId, orgId))).limit(1);
    if (row) return row.name;
  }
  return id;
}

/** The deals table adds a stage, a status, a month (a clicked bar) and a traffic team ("none": Unattributed) to the report filters. */
type DescribedFilters = Partial<ReportFilters> & {
  stageId?: string;
  status?: "open" | "won" | "lost";
  month?: string;
  teamId?: string;
  /** A breakdown row (the deals and leads lists): its tag, or the row without one. */
  utmSource?: string;
  utmCampaign?: string;
  notSet?: keyof ExportMessages["notSetOf"];
};

export async function describeFilters(db: Db, orgId: string, filters: DescribedFilters, t: ExportMessages): Promise<[string, string][]> {
  const named: ["pipelineId" | "departmentId" | "managerId" | "sourceId" | "stageId", NamedTable[]][] = [
    ["pipelineId", [pipelines]],
    ["departmentId", [departments]],
    // a manager filter names a CRM account or a person with all their accounts (lib/reports/filters.ts)
    ["managerId", [crmUsers, users]],
    ["sourceId", [sources]],
    ["stageId", [stages]],
  ];
  const lines: [string, string][] = [];
  for (const [key, tables] of named) {
    const id = filters[key];
    if (id) lines.push([t.filters[key], await nameOf(db, tables, id, orgId)]);
  }
  if (filters.status) lines.push([t.filters.status, t.semantic[filters.status]]);
  if (filters.month) lines.push([t.filters.month, filters.month]);
  if (filters.teamId) lines.push([t.filters.teamId, filters.teamId === "none" ? t.unattributed : await nameOf(db, [trafficTeams], filters.teamId, orgId)]);
  if (filters.utmSource) lines.push([t.filters.utmSource, filters.utmSource]);
  if (filters.utmCampaign) lines.push([t.filters.utmCampaign, filters.utmCampaign]);
  if (filters.notSet) lines.push([t.filters.notSet, t.notSetOf[filters.notSet]]);
  return lines;
}

export async function describeScope(db: Db, viewer: Viewer, t: ExportMessages): Promise<string> {
  switch (viewer.role) {
    case "admin":
      return t.scope.org;
    case "director":
      return `${t.scope.department}: ${viewer.departmentId ? await nameOf(db, [departments], viewer.departmentId, viewer.orgId) : t.scope.noDepartment}`;
    case "manager":
      return `${t.scope.own} (${viewer.name})`;
  }
}

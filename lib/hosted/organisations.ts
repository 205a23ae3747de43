// The operator's view of the organisations (docs/hosted.md): their sizes and sync health, never
// their business data — counts and times only, no names of people, sources, deals or customers.
import { and, eq, getTableName, max, sql } from "drizzle-orm";
import { deals, organisations, sources, syncRuns, users } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { forgetAllWebhookSources } from "@/lib/ingest/receive/receive-webhook";
import { parseId } from "@/lib/auth/guards";
import { effectiveQuotas, type Quotas } from "./quota-limits";
import { tenantTableNames } from "./tenant-tables";

/** Sync failures are counted over this many days. */
export const FAILURE_WINDOW_DAYS = 7;

export type OrganisationSummary = {
  id: string;
  name: string;
  createdAt: string;
  signedUp: boolean;
  suspendedAt: string | null;
  quotas: Quotas & { overrides: { sources: number | null; users: number | null; deals: number | null } };
  size: { users: number; sources: number; deals: number; storedRows: number };
  sync: { lastRunAt: string | null; lastFailureAt: string | null; failedRuns: number };
};

export async function listOrganisations(db: Db, now = new Date()): Promise<OrganisationSummary[]> {
  const orgs = await db.select().from(organisations).orderBy(organisations.createdAt);
  const usersBy = await rowsByOrg(db, [getTableName(users)]);
  const sourcesBy = await rowsByOrg(db, [getTableName(sources)]);
  const dealsBy = await rowsByOrg(db, [getTableName(deals)]);
  // Every row an organisation stores, over every tenant table (its own row is the "+ 1" below).
  const rowsBy = await rowsByOrg(db, tenantTableNames());
  const since = new Date(now.getTime() - FAILURE_WINDOW_DAYS * 86_400_000);
  const runs = await db
    .select({
      orgId: syncRuns.orgId,
      lastRunAt: max(sql`coalesce(${syncRuns.finishedAt}, ${syncRuns.startedAt}, ${syncRuns.createdAt})`).mapWith((v) => (v ? new Date(v as string) : null)),
      lastFailureAt: max(sql`case when ${syncRuns.status} = 'failed' then coalesce(${syncRuns.finishedAt}, ${syncRuns.createdAt}) end`).mapWith((v) => (v ? new Date(v as string) : null)),
      failedRuns: sql<number>`count(*) filter (where ${syncRuns.status} = 'failed' and ${syncRuns.createdAt} >= ${since.toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(syncRuns)
    .groupBy(syncRuns.orgId);
  const runsBy = new Map(runs.map((run) => [run.orgId, run]));
  return orgs.map((org) => {
    const run = runsBy.get(org.id);
    return {
      id: org.id,
      name: org.name,
      createdAt: org.createdAt.toISOString(),
      signedUp: org.signedUpAt !== null,
      suspendedAt: org.suspendedAt?.toISOString() ?? null,
      quotas: { ...effectiveQuotas(org), overrides: { sources: org.quotaSources, users: org.quotaUsers, deals: org.quotaDeals } },
      size: { users: usersBy.get(org.id) ?? 0, sources: sourcesBy.get(org.id) ?? 0, deals: dealsBy.get(org.id) ?? 0, storedRows: (rowsBy.get(org.id) ?? 0) + 1 },
      sync: { lastRunAt: run?.lastRunAt?.toISOString() ?? null, lastFailureAt: run?.lastFailureAt?.toISOString() ?? null, failedRuns: run?.failedRuns ?? 0 },
    };
  });
}

/** Rows per organisation over the tables named: one pass over each, for a page opened now and then. */
async function rowsByOrg(db: Db, tables: string[]): Promise<Map<string, number>> {
  const parts = tables.map((name) => sql`select org_id from ${sql.identifier(name)}`);
  const union = sql.join(parts, sql` union all `);
  const rows = await selectRows<{ org_id: string; rows: string | number }>(db, sql`select org_id, count(*) as rows from (${union}) as tenant_rows group by org_id`);
  return new Map(rows.map((row) => [row.org_id, Number(row.rows)]));
}

export type OrganisationPatch = { suspended?: boolean; quotas?: { sources?: number | null; users?: number | null; deals?: number | null } };

/** Suspends or resumes an organisation and sets its quota overrides (null: back to the default). */
export async function updateOrganisation(db: Db, operator: Viewer, idInput: string, patch: OrganisationPatch, now = new Date()): Promise<OrganisationSummary> {
  const id = await requireOtherOrganisation(db, operator, idInput);
  const set: Partial<typeof organisations.$inferInsert> = {};
  if (patch.suspended !== undefined) set.suspendedAt = patch.suspended ? now : null;
  if (patch.quotas?.sources !== undefined) set.quotaSources = patch.quotas.sources;
  if (patch.quotas?.users !== undefined) set.quotaUsers = patch.quotas.users;
  if (patch.quotas?.deals !== undefined) set.quotaDeals = patch.quotas.deals;
  if (Object.keys(set).length > 0) await db.update(organisations).set(set).where(eq(organisations.id, id));
  // This process refuses the suspended organisation's webhooks at once; others within seconds.
  if (patch.suspended !== undefined) forgetAllWebhookSources();
  await writeAudit(db, operator, { action: "operator.organisation_update", targetType: "organisation", targetId: id, details: { ...patch } });
  return (await listOrganisations(db, now)).find((org) => org.id === id)!;
}

/**
 * Deletes an organisation and every row it holds: its tables' foreign keys cascade from it.
 * `confirmName` (the operator's page sends what was typed): refused unless it is the name exactly.
 */
export async function deleteOrganisation(db: Db, operator: Viewer, idInput: string, confirmName?: string): Promise<void> {
  const id = await requireOtherOrganisation(db, operator, idInput);
  if (confirmName !== undefined) {
    const [org] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
    if (confirmName !== org.name) throw new ValidationError("Type the organisation's name exactly as it is shown to delete it", { field: "confirmName" });
  }
  await db.transaction(async (tx) => {
    // Deals first: a deal restricts the deletion of its stage, and the cascade's order is the database's.
    await tx.delete(deals).where(eq(deals.orgId, id));
    await tx.delete(organisations).where(eq(organisations.id, id));
  });
  forgetAllWebhookSources();
  await writeAudit(db, operator, { action: "operator.organisation_delete", targetType: "organisation", targetId: id });
}

async function requireOtherOrganisation(db: Db, operator: Viewer, idInput: string): Promise<string> {
  const id = parseId(idInput, "Organisation");
  if (id === operator.orgId) throw new ConflictError("The operator's own organisation cannot be suspended or deleted", { code: "operator_own_organisation" });
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, id)));
  if (!org) throw new NotFoundError("Organisation");
  return id;
}


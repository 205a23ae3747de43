import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, runFailure, ts, type RunFailure } from "./common";
import { organisations, users } from "./orgs";

export const sourceKindEnum = pgEnum("source_kind", ["bitrix24", "amocrm", "shop", "form"]);
export type SourceKind = (typeof sourceKindEnum.enumValues)[number];

/** One connected CRM portal/account, shop, or site form receiver (kind `form`: no credentials, only the secret in its address). */
export const sources = pgTable(
  "sources",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    kind: sourceKindEnum("kind").notNull(),
    name: text("name").notNull(),
    baseUrl: text("base_url"),
    /** Encrypted with the key from the environment; never sent to a browser. */
    credentials: text("credentials"),
    webhookSecret: text("webhook_secret").notNull(),
    /** Per-source settings, e.g. which custom fields hold UTM tags. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    isActive: boolean("is_active").notNull().default(true),
    /**
     * Which CRM account this source is, as the CRM itself reported it: amoCRM's account id and
     * subdomain (`/api/v4/account`), Bitrix24's member_id and portal domain. Webhooks from another
     * account are refused. Null until known (lib/sources/crm-account.ts says when it is learnt).
     */
    crmAccountId: text("crm_account_id"),
    crmAccountDomain: text("crm_account_domain"),
    crmAccountAt: ts("crm_account_at"),
    /**
     * The last "Test connection" (or the check before saving): when, and why it failed — a
     * connection reason code with its parameters — or null when it passed. The source's health
     * (lib/sources/source-health.ts) reads it beside the last sync run.
     */
    lastCheckAt: ts("last_check_at"),
    lastCheckFailure: jsonb("last_check_failure").$type<RunFailure>(),
    createdAt: createdAt(),
  },
  (t) => [index("sources_org_idx").on(t.orgId)],
);

/** The CRM's own departments (Bitrix24 `department.get`, amoCRM user groups), as the CRM names them. */
export const crmDepartments = pgTable(
  "crm_departments",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    parentExternalId: text("parent_external_id"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("crm_departments_source_ext_uq").on(t.sourceId, t.externalId)],
);

/** The CRM's own users (managers); linked to a Voronka user for scope. */
export const crmUsers = pgTable(
  "crm_users",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    externalId: text("external_id").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    isActive: boolean("is_active").notNull().default(true),
    crmDepartmentId: uuid("crm_department_id").references(() => crmDepartments.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("crm_users_source_ext_uq").on(t.sourceId, t.externalId),
    index("crm_users_user_idx").on(t.orgId, t.userId),
  ],
);

export const syncRunKindEnum = pgEnum("sync_run_kind", ["full", "incremental", "reconcile"]);
export const syncRunStatusEnum = pgEnum("sync_run_status", ["queued", "running", "succeeded", "failed", "cancelled"]);

/** Per-entity progress of a run: rows done of the CRM's total (when it tells), and what they did. */
export type SyncEntityProgress = {
  done: number;
  total?: number;
  fetched?: number;
  inserted?: number;
  updated?: number;
  deleted?: number;
  finished?: boolean;
};

/** Run-wide figures: the entities planned, HTTP requests, retries and the errors met on the way. */
export type SyncRunStats = { entities?: string[]; requests?: number; retries?: number; errors?: string[] };

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    kind: syncRunKindEnum("kind").notNull(),
    status: syncRunStatusEnum("status").notNull().default("queued"),
    progress: jsonb("progress").$type<Record<string, SyncEntityProgress>>().notNull().default({}),
    stats: jsonb("stats").$type<SyncRunStats>().notNull().default({}),
    /** The failure in English, for the API and logs; `failure` is what the page shows. */
    error: text("error"),
    failure: runFailure(),
    triggeredBy: uuid("triggered_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    heartbeatAt: ts("heartbeat_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sync_runs_source_idx").on(t.orgId, t.sourceId, t.createdAt),
    // One active run per source, across every process: the second insert fails on this index.
    uniqueIndex("sync_runs_one_active_uq")
      .on(t.sourceId)
      .where(sql`status in ('queued', 'running')`),
  ],
);

/** Where the last sync of one entity stopped: modification time plus last id. */
export const syncCursors = pgTable(
  "sync_cursors",
  {
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    entity: text("entity").notNull(),
    /** Watermark: every row modified before it (less the re-read window) has been read. */
    modifiedAt: ts("modified_at"),
    /** While a pass is under way: the last id it committed (keyset resume point); null between passes. */
    lastExternalId: text("last_external_id"),
    rowsSeen: integer("rows_seen").notNull().default(0),
    /** The pass under way ("full" or "incremental"), and the newest modification time it has seen. */
    passKind: text("pass_kind"),
    pendingModifiedAt: ts("pending_modified_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.entity] })],
);

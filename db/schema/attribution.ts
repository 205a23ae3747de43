// Background recomputes of traffic-team attribution after the rules change: one active run per
// organisation (a partial unique index), its progress for the admin page, and a heartbeat so a run
// whose process died is taken over instead of blocking the organisation for ever.
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, runFailure, ts } from "./common";
import { organisations, users } from "./orgs";
import { syncRunStatusEnum } from "./sources";

export const attributionRuns = pgTable(
  "attribution_runs",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    status: syncRunStatusEnum("status").notNull().default("running"),
    /** Rows to go over (leads + deals), counted when the pass starts. */
    total: integer("total").notNull().default(0),
    processed: integer("processed").notNull().default(0),
    /** Rows whose team or confidence changed. */
    changed: integer("changed").notNull().default(0),
    /** Set when the rules change again during the run: the run starts its pass over with the new rules. */
    restartRequestedAt: ts("restart_requested_at"),
    /** The failure in English, for the API and logs; `failure` is what the page shows. */
    error: text("error"),
    failure: runFailure(),
    triggeredBy: uuid("triggered_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: ts("started_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
    heartbeatAt: ts("heartbeat_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    index("attribution_runs_org_idx").on(t.orgId, t.createdAt),
    uniqueIndex("attribution_runs_one_active_uq")
      .on(t.orgId)
      .where(sql`status in ('queued', 'running')`),
  ],
);

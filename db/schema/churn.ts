// The churn scoring of an organisation's customers (lib/customers/churn): when it last ran, the
// organisation-wide gap the model starts each customer from, and the backtest shown beside the list.
import { doublePrecision, integer, pgTable, uuid } from "drizzle-orm/pg-core";
import { ts } from "./common";
import { organisations } from "./orgs";

export const churnRuns = pgTable("churn_runs", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** The last full scoring of every customer (daily). */
  scoredAt: ts("scored_at").notNull(),
  /** The median gap between order days over all the organisation's customers (the model's prior). */
  priorGapDays: doublePrecision("prior_gap_days").notNull(),
  customersScored: integer("customers_scored").notNull(),
  /** Backtest: customers scored as of this moment with the orders before it… */
  cutoffAt: ts("cutoff_at"),
  /** …those active then (eligible), and how many of them did not order within their horizon. */
  eligible: integer("eligible").notNull().default(0),
  churned: integer("churned").notNull().default(0),
  /** The top N by risk, and how many of them did not return. */
  topN: integer("top_n").notNull().default(0),
  topChurned: integer("top_churned").notNull().default(0),
  /** The same N ranked by days since the last order alone: what the model has to beat. */
  recencyTopChurned: integer("recency_top_churned").notNull().default(0),
});

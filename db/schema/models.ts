// Win-probability models: one row per training of an organisation's model, newest used for scoring
// (lib/predict). Versioned so the page can say which model gave a probability and when it learned.
import { doublePrecision, index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { id, orgId, ts } from "./common";
import { deals } from "./crm";
import { organisations } from "./orgs";

/** What a model learned: logistic regression weights with its feature encoding, or each stage's historical win rate. */
export type WinModelParams =
  | {
      kind: "logistic";
      numeric: { names: string[]; means: number[]; stds: number[] };
      categories: Record<string, string[]>;
      weights: number[];
    }
  | { kind: "stage-rate"; rates: Record<string, number>; overall: number };

/** Predicted probabilities in ten bands against what happened, on the held-out later deals. */
export type CalibrationBin = { from: number; to: number; deals: number; meanPredicted: number | null; observedRate: number | null };

export const winModels = pgTable(
  "win_models",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    kind: text("kind", { enum: ["logistic", "stage-rate"] }).notNull(),
    trainedAt: ts("trained_at").notNull(),
    /** Closed deals learned from (the final model: all of them), and the split of the evaluation. */
    closedDeals: integer("closed_deals").notNull(),
    trainRows: integer("train_rows").notNull(),
    testRows: integer("test_rows").notNull(),
    /** Deals closed on or after this moment were held out to test the model trained on the earlier ones. */
    splitAt: ts("split_at"),
    auc: doublePrecision("auc"),
    brier: doublePrecision("brier"),
    calibration: jsonb("calibration").$type<CalibrationBin[]>().notNull().default([]),
    params: jsonb("params").$type<WinModelParams>().notNull(),
  },
  (t) => [index("win_models_org_version_idx").on(t.orgId, t.version)],
);

/**
 * Each open deal's win probability as last scored in the background (lib/predict/scores.ts), so the
 * forecast, the deal card and the deals list read it instead of computing it per request.
 * `patternsRev` is the transaction id that last wrote the deal's pattern row (deal_patterns.xmin):
 * every write to the deal or its activities replaces that row, so a different id means "changed
 * since scored" without the write path doing anything for the scores.
 */
export const dealWinScores = pgTable(
  "deal_win_scores",
  {
    dealId: uuid("deal_id")
      .primaryKey()
      .references(() => deals.id, { onDelete: "cascade" }),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    modelVersion: integer("model_version").notNull(),
    /** 0 … 1. */
    probability: doublePrecision("probability").notNull(),
    /** The moment the deal was described for the model (its age and days since a touch are as of then). */
    scoredAt: ts("scored_at").notNull(),
    patternsRev: text("patterns_rev"),
  },
  (t) => [index("deal_win_scores_org_idx").on(t.orgId, t.scoredAt)],
);

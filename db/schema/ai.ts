// Conversation analysis (docs/ai.md): each organisation's AI settings, the log of every model call,
// and analyses cached by the content hash of the text they were made from.
import { boolean, char, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { TextAnalysis } from "@/lib/ai/schema";
import { createdAt, id, orgId, retryColumns, ts } from "./common";
import { organisations } from "./orgs";

/** One row per organisation that has saved the AI page; no row means analysis off and the default budget. */
export const aiSettings = pgTable("ai_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** Opt-in: until an admin turns it on, no text of this organisation is sent to a model. */
  isAnalysisEnabled: boolean("is_analysis_enabled").notNull().default(false),
  /** Tokens (in + out) a calendar month may spend on the model; past it, the basic analyser answers. */
  monthlyTokenBudget: integer("monthly_token_budget").notNull().default(1_000_000),
  /** An open deal is "at risk" when its recent tone is negative and nobody touched it for this many days (docs/ai.md). */
  riskQuietDays: integer("risk_quiet_days").notNull().default(7),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const aiRequestKindEnum = pgEnum("ai_request_kind", ["analysis", "transcription", "summary"]);
export const aiRequestOutcomeEnum = pgEnum("ai_request_outcome", ["ok", "invalid", "refused", "timeout", "rate_limited", "provider_error"]);

/** Every call to the configured model, successful or not: what the admin page's log and the budget read. */
export const aiRequests = pgTable(
  "ai_requests",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    kind: aiRequestKindEnum("kind").notNull(),
    model: text("model").notNull(),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
    /** US dollars at AI_PRICE_*_PER_MTOK when the call was made. */
    costUsd: numeric("cost_usd", { precision: 12, scale: 6 }).notNull().default("0"),
    latencyMs: integer("latency_ms").notNull(),
    attempts: integer("attempts").notNull().default(1),
    outcome: aiRequestOutcomeEnum("outcome").notNull(),
    /** An error code of lib/error-codes.ts when the call failed; never the provider's words or the key. */
    errorCode: text("error_code"),
    createdAt: createdAt(),
  },
  (t) => [index("ai_requests_org_created_idx").on(t.orgId, t.createdAt)],
);

export const aiJobStatusEnum = pgEnum("ai_job_status", ["pending", "failed", "done", "dead"]);

/**
 * The durable analysis queue: one job per text of an organisation, named by `ref` (the caller's key,
 * e.g. "conversation_text:<id>"), drained with FOR UPDATE SKIP LOCKED (lib/ai/queue.ts). A job whose
 * text changes is analysed again; while the month's budget is spent, jobs wait for the next month.
 */
export const aiJobs = pgTable(
  "ai_jobs",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    ref: text("ref").notNull(),
    text: text("text").notNull(),
    lang: text("lang"),
    status: aiJobStatusEnum("status").notNull().default("pending"),
    ...retryColumns(),
    analysis: jsonb("analysis").$type<TextAnalysis>(),
    /** The last failed model call's code (lib/error-codes.ts); the analysis may then be the basic analyser's. */
    errorCode: text("error_code"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("ai_jobs_org_ref_uq").on(t.orgId, t.ref), index("ai_jobs_due_idx").on(t.status, t.nextAttemptAt)],
);

/** One analysis per text and analyser version: the same words are not sent to the model twice. */
export const aiAnalyses = pgTable(
  "ai_analyses",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** sha256 of the analyser version and the normalised text (lib/ai/analysis.ts). */
    contentHash: char("content_hash", { length: 64 }).notNull(),
    analysis: jsonb("analysis").$type<TextAnalysis>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ai_analyses_org_hash_uq").on(t.orgId, t.contentHash)],
);

/**
 * A model's one-sentence summary of a text in a viewer's language (lib/ai/summary.ts): asked once per
 * text, model and language when a summary is shown to a viewer who reads another language than the
 * text's, then read from here.
 */
export const aiSummaries = pgTable(
  "ai_summaries",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** sha256 of the prompt version, the model and the normalised text (lib/ai/summary.ts). */
    contentHash: char("content_hash", { length: 64 }).notNull(),
    /** The viewer's language the summary is written in: "ru" or "en". */
    language: text("language").notNull(),
    summary: text("summary").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("ai_summaries_org_hash_language_uq").on(t.orgId, t.contentHash, t.language)],
);

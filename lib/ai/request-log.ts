// The AI request log: one row per model call (analysis, transcription or a summary in a reader's language), written whatever the outcome.
import { and, desc, eq, lt } from "drizzle-orm";
import { aiRequests } from "@/db/schema";
import type { Db } from "@/db/types";
import { estimateCost, type AiConfig } from "./config";
import type { ModelOutcome } from "./model-provider";

export type AiRequestEntry = {
  kind: "analysis" | "transcription" | "summary";
  model: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  attempts: number;
  outcome: ModelOutcome;
  errorCode: string | null;
};

export async function logAiRequest(db: Db, orgId: string, config: AiConfig, entry: AiRequestEntry): Promise<void> {
  await db.insert(aiRequests).values({ orgId, ...entry, costUsd: estimateCost(config, entry.tokensIn, entry.tokensOut).toFixed(6) });
}

export type AiRequestRow = typeof aiRequests.$inferSelect;

/** The newest calls first, `limit` at a time; `before` pages on by creation time. */
export async function listAiRequests(db: Db, orgId: string, { limit = 50, before }: { limit?: number; before?: Date } = {}): Promise<AiRequestRow[]> {
  return db
    .select()
    .from(aiRequests)
    .where(and(eq(aiRequests.orgId, orgId), before ? lt(aiRequests.createdAt, before) : undefined))
    .orderBy(desc(aiRequests.createdAt), desc(aiRequests.id))
    .limit(limit);
}

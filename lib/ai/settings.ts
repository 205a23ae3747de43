// An organisation's AI settings (opt-in, monthly token budget) and what its model calls spent this month.
import { and, eq, gte, sql } from "drizzle-orm";
import { z } from "zod";
import { aiRequests, aiSettings } from "@/db/schema";
import type { Db } from "@/db/types";
import { diffFields, writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { queueRecentConversationTexts } from "./conversation-jobs";

export type AiSettings = { isAnalysisEnabled: boolean; monthlyTokenBudget: number; riskQuietDays: number };

export const DEFAULT_AI_SETTINGS: AiSettings = { isAnalysisEnabled: false, monthlyTokenBudget: 1_000_000, riskQuietDays: 7 };

export const aiSettingsSchema = z.object({
  isAnalysisEnabled: z.boolean(),
  monthlyTokenBudget: z.coerce.number().int().min(0).max(2_000_000_000),
  /** Left out: kept as it was. */
  riskQuietDays: z.coerce.number().int().min(1).max(365).optional(),
});

export async function getAiSettings(db: Db, orgId: string): Promise<AiSettings> {
  const [row] = await db.select().from(aiSettings).where(eq(aiSettings.orgId, orgId)).limit(1);
  return row ? { isAnalysisEnabled: row.isAnalysisEnabled, monthlyTokenBudget: row.monthlyTokenBudget, riskQuietDays: row.riskQuietDays } : DEFAULT_AI_SETTINGS;
}

/** Saves the settings; audited, because turning analysis on sends the organisation's texts to a model. */
export async function saveAiSettings(db: Db, viewer: Pick<Viewer, "orgId" | "userId">, input: unknown): Promise<AiSettings> {
  const parsed = aiSettingsSchema.parse(input);
  return db.transaction(async (tx) => {
    const current = await getAiSettings(tx, viewer.orgId);
    const values: AiSettings = { ...parsed, riskQuietDays: parsed.riskQuietDays ?? current.riskQuietDays };
    await tx
      .insert(aiSettings)
      .values({ orgId: viewer.orgId, ...values })
      .onConflictDoUpdate({ target: aiSettings.orgId, set: { ...values, updatedAt: new Date() } });
    // Turned on: the recent conversations join the queue (new ones are queued as they are written).
    if (values.isAnalysisEnabled && !current.isAnalysisEnabled) await queueRecentConversationTexts(tx, viewer.orgId);
    const changes = diffFields(current, values);
    if (Object.keys(changes).length) await writeAudit(tx, viewer, { action: "ai_settings.update", targetType: "organisation", targetId: viewer.orgId, details: changes });
    return values;
  });
}

/** The first instant of the current calendar month, UTC: the budget's period. */
export function monthStart(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Tokens in + out and the estimated cost (US dollars, exact) of the organisation's model calls this month. */
export async function usageThisMonth(db: Db, orgId: string, now = new Date()): Promise<{ tokens: number; costUsd: string }> {
  const [row] = await db
    .select({ tokens: sql<string>`coalesce(sum(${aiRequests.tokensIn} + ${aiRequests.tokensOut}), 0)`, cost: sql<string>`coalesce(sum(${aiRequests.costUsd}), 0)::numeric(14,6)` })
    .from(aiRequests)
    .where(and(eq(aiRequests.orgId, orgId), gte(aiRequests.createdAt, monthStart(now))));
  return { tokens: Number(row?.tokens ?? 0), costUsd: String(row?.cost ?? "0.000000") };
}

export async function tokensSpentThisMonth(db: Db, orgId: string, now = new Date()): Promise<number> {
  return (await usageThisMonth(db, orgId, now)).tokens;
}

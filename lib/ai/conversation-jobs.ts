// Conversation texts into the analysis queue (./queue.ts): a text the sync or a webhook wrote, new
// or changed, is queued in the same transaction when its organisation has opted in; turning the
// opt-in on queues the texts of the last 90 days. The job's ref names the text, so the deal card
// finds each text's analysis by it.
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import { eq } from "drizzle-orm";
import { aiJobs, aiSettings, conversationTexts } from "@/db/schema";
import type { Db } from "@/db/types";

/** How far back the opt-in reaches: older conversations rarely change a decision today. */
export const BACKFILL_DAYS = 90;

export function conversationRef(textId: string): string {
  return `conversation:${textId}`;
}

/** Queues the written texts (empty ones skipped) when the organisation has opted in; returns how many were queued. */
export async function queueConversationAnalysis(db: Db, orgId: string, texts: { id: string; body: string }[]): Promise<number> {
  const wanted = texts.filter((text) => text.body.trim() !== "");
  if (wanted.length === 0 || !(await hasOptedIn(db, orgId))) return 0;
  const rows = await db
    .insert(aiJobs)
    .values(wanted.map((text) => ({ orgId, ref: conversationRef(text.id), text: text.body })))
    .onConflictDoUpdate({
      target: [aiJobs.orgId, aiJobs.ref],
      set: { text: sql`excluded.text`, status: "pending", attempts: 0, nextAttemptAt: sql`now()`, analysis: null, errorCode: null, updatedAt: sql`now()` },
      // The same text again changes nothing: its analysis stands.
      setWhere: sql`${aiJobs.text} is distinct from excluded.text`,
    })
    .returning({ id: aiJobs.id });
  return rows.length;
}

/** Off until an admin turns it on (lib/ai/settings.ts): no text is queued, none leaves the server. */
async function hasOptedIn(db: Db, orgId: string): Promise<boolean> {
  const [row] = await db.select({ isOn: aiSettings.isAnalysisEnabled }).from(aiSettings).where(eq(aiSettings.orgId, orgId)).limit(1);
  return row?.isOn ?? false;
}

/** On opt-in: the organisation's live texts of the last BACKFILL_DAYS days not queued yet. */
export async function queueRecentConversationTexts(db: Db, orgId: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - BACKFILL_DAYS * 86_400_000);
  const rows = await selectRows<{ id: string }>(
    db,
    sql`insert into ${aiJobs} (org_id, ref, text)
      select ${conversationTexts.orgId}, 'conversation:' || ${conversationTexts.id}, ${conversationTexts.body}
      from ${conversationTexts}
      where ${conversationTexts.orgId} = ${orgId} and ${conversationTexts.deletedAt} is null and btrim(${conversationTexts.body}) <> ''
        and ${conversationTexts.occurredAt} >= ${since.toISOString()}::timestamptz
      on conflict (org_id, ref) do nothing
      returning id`,
  );
  return rows.length;
}

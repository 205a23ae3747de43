// Test data for the Conversations report and the deal card's summary: a deal's conversation text
// with the analysis the queue would have stored for it (lib/ai/conversation-jobs.ts names the job).
import { aiJobs, conversationTexts } from "@/db/schema";
import type { Db } from "@/db/types";
import type { ObjectionType, TextAnalysis } from "@/lib/ai/schema";
import { contentHashOf } from "@/lib/canonical/conversation-texts";

let counter = 0;

export type FixtureText = {
  orgId: string;
  sourceId: string;
  dealId: string;
  occurredAt: string;
  body?: string;
  /** The analysis: sentiment and objections [type, quote]; absent: not analysed yet. */
  analysis?: { sentiment: number; objections?: [ObjectionType, string][]; summary?: string; analyser?: "basic" | "model"; language?: "ru" | "en" };
  deletedAt?: string;
};

export async function addAnalysedText(db: Db, input: FixtureText): Promise<string> {
  const body = input.body ?? `Text ${++counter}`;
  const [row] = await db
    .insert(conversationTexts)
    .values({
      orgId: input.orgId,
      sourceId: input.sourceId,
      externalId: `fixture:${++counter}:${input.occurredAt}`,
      kind: "amocrm_note_common",
      dealId: input.dealId,
      occurredAt: new Date(input.occurredAt),
      body,
      contentHash: contentHashOf(body),
      deletedAt: input.deletedAt ? new Date(input.deletedAt) : null,
    })
    .returning({ id: conversationTexts.id });
  if (input.analysis) {
    const { sentiment, objections = [], summary = body, analyser = "basic", language = "ru" } = input.analysis;
    const analysis: TextAnalysis = {
      sentiment,
      intent: "purchase",
      objections: objections.map(([type, quote]) => ({ type, quote })),
      summary,
      language,
      analyser,
      ...(analyser === "model" ? { model: "test-model" } : {}),
    };
    await db.insert(aiJobs).values({ orgId: input.orgId, ref: `conversation:${row.id}`, text: body, status: "done", attempts: 1, analysis });
  }
  return row.id;
}

// Stored win probabilities: the background scores each open deal with the organisation's newest
// model and keeps the answer in deal_win_scores, which the forecast, the deal card and the deals
// list read. A deal is (re)scored when it has no score, when its score came from an older model,
// when it changed since (its deal_patterns row was rewritten: a new xmin), or when the score is a
// day old (its age and days since a touch have grown). Never called from a write.
import { and, eq, inArray, sql } from "drizzle-orm";
import { dealWinScores, winModels } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { openDealFeatures } from "./features";
import { latestWinModel, type WinModel } from "./train";
import { predict } from "./win-model";

/** A score older than this is redone: the deal's age and days since its last touch moved on. */
export const RESCORE_AFTER_MS = 24 * 60 * 60_000;
/** Deals described and scored per statement. */
const BATCH = 500;

export type ScoreRunResult = { modelVersion: number | null; scored: number; removed: number; isComplete: boolean };

type Stale = { deal_id: string; patterns_rev: string };

/** Open deals whose score is missing or out of date, the unscored first. */
function staleDeals(db: Db, orgId: string, model: WinModel, now: Date, limit: number): Promise<Stale[]> {
  const dayAgo = new Date(now.getTime() - RESCORE_AFTER_MS).toISOString();
  return selectRows<Stale>(
    db,
    sql`select p.deal_id, p.xmin::text as patterns_rev
        from deal_patterns p left join ${dealWinScores} s on s.deal_id = p.deal_id
        where p.org_id = ${orgId} and p.semantic = 'open'
          and (s.deal_id is null or s.model_version <> ${model.version} or s.patterns_rev is distinct from p.xmin::text or s.scored_at < ${dayAgo}::timestamptz)
        order by s.deal_id is not null, p.deal_id
        limit ${limit}`,
  );
}

/**
 * Scores the organisation's stale open deals in batches until none is left or the time budget is
 * spent (the next request goes on from there), then drops the scores of deals no longer open.
 */
export async function scoreStaleDeals(db: Db, orgId: string, options: { now?: Date; budgetMs?: number; batch?: number } = {}): Promise<ScoreRunResult> {
  const model = await latestWinModel(db, orgId);
  if (!model) return { modelVersion: null, scored: 0, removed: 0, isComplete: true };
  const now = options.now ?? new Date();
  const batch = options.batch ?? BATCH;
  const deadline = Date.now() + (options.budgetMs ?? 120_000);
  let scored = 0;
  let isComplete = false;
  // Each round scores up to `batch` deals and stamps them with `now`, so no round sees them again.
  for (let round = 0; round < 10_000 && Date.now() < deadline; round++) {
    const stale = await staleDeals(db, orgId, model, now, batch);
    if (stale.length === 0) {
      isComplete = true;
      break;
    }
    const revs = new Map(stale.map((row) => [row.deal_id, row.patterns_rev]));
    const features = await openDealFeatures(db, orgId, [...revs.keys()], now);
    if (features.length === 0) break; // closed or deleted since the pattern row said open: the next pass sees it
    await db
      .insert(dealWinScores)
      .values(features.map((deal) => ({ dealId: deal.dealId, orgId, modelVersion: model.version, probability: predict(model.params, deal), scoredAt: now, patternsRev: revs.get(deal.dealId) ?? null })))
      .onConflictDoUpdate({
        target: dealWinScores.dealId,
        set: { modelVersion: sql`excluded.model_version`, probability: sql`excluded.probability`, scoredAt: sql`excluded.scored_at`, patternsRev: sql`excluded.patterns_rev` },
      });
    scored += features.length;
  }
  const removed = await selectRows<{ deal_id: string }>(
    db,
    sql`delete from ${dealWinScores} s where s.org_id = ${orgId}
          and not exists (select 1 from deal_patterns p where p.deal_id = s.deal_id and p.semantic = 'open')
        returning s.deal_id`,
  );
  return { modelVersion: model.version, scored, removed: removed.length, isComplete };
}

export type StoredWinProbability = {
  /** 0 … 1. */
  probability: number;
  modelVersion: number;
  /** `stage-rate`: too few closed deals for a model; the stage's historical win rate. */
  kind: "logistic" | "stage-rate";
  trainedAt: Date;
  scoredAt: Date;
};

/** The stored probabilities of these deals (open ones only: a closed deal's score is dropped); a deal not yet scored is absent. */
export async function storedWinProbabilities(db: Db, orgId: string, dealIds: string[]): Promise<Map<string, StoredWinProbability>> {
  if (dealIds.length === 0) return new Map();
  const s = dealWinScores;
  const rows = await db
    .select({ dealId: s.dealId, probability: s.probability, modelVersion: s.modelVersion, scoredAt: s.scoredAt, kind: winModels.kind, trainedAt: winModels.trainedAt })
    .from(s)
    .innerJoin(winModels, and(eq(winModels.orgId, s.orgId), eq(winModels.version, s.modelVersion)))
    .where(and(eq(s.orgId, orgId), inArray(s.dealId, dealIds), sql`exists (select 1 from deal_patterns p where p.deal_id = ${s.dealId} and p.semantic = 'open')`));
  return new Map(rows.map(({ dealId, ...rest }) => [dealId, rest]));
}

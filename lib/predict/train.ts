// Trains an organisation's win-probability model and measures it honestly: on a time split, the
// model learned from deals closed before a cut-off is scored on the deals closed after it (what it
// would have said about deals it had not seen); then the model kept is trained on all of them.
import { desc, eq, max } from "drizzle-orm";
import { winModels, type WinModelParams } from "@/db/schema";
import type { Db } from "@/db/types";
import { closedDealFeatures, type DealFeatures } from "./features";
import { auc, brier, calibration, type Scored } from "./metrics";
import { MIN_CLOSED_FOR_MODEL, predict, trainLogistic, trainStageRate } from "./win-model";

/** Closed deals learned from: the newest this many (the present sells like the recent past). */
const TRAINING_LIMIT = 10_000;
/** The later fifth of the closed deals tests the model trained on the earlier four fifths. */
const TEST_SHARE = 0.2;

export type WinModel = typeof winModels.$inferSelect;

function hasBothOutcomes(deals: DealFeatures[]): boolean {
  return deals.some((deal) => deal.won === 1) && deals.some((deal) => deal.won === 0);
}

function fit(deals: DealFeatures[], kind: WinModelParams["kind"]): WinModelParams {
  return kind === "logistic" ? trainLogistic(deals) : trainStageRate(deals);
}

export async function trainWinModel(db: Db, orgId: string, now = new Date()): Promise<WinModel> {
  const closed = (await closedDealFeatures(db, orgId, TRAINING_LIMIT)).sort((a, b) => a.closedAt!.getTime() - b.closedAt!.getTime());
  const cut = Math.floor(closed.length * (1 - TEST_SHARE));
  const train = closed.slice(0, cut);
  const test = closed.slice(cut);
  const kind: WinModelParams["kind"] = closed.length >= MIN_CLOSED_FOR_MODEL && hasBothOutcomes(train) ? "logistic" : "stage-rate";

  let scored: Scored[] = [];
  if (train.length > 0 && test.length > 0) {
    const trial = fit(train, kind);
    scored = test.map((deal) => ({ p: predict(trial, deal), won: deal.won ?? 0 }));
  }
  const params = closed.length > 0 ? fit(closed, kind) : trainStageRate([]);
  const [{ last }] = await db.select({ last: max(winModels.version) }).from(winModels).where(eq(winModels.orgId, orgId));
  const [model] = await db
    .insert(winModels)
    .values({
      orgId,
      version: (last ?? 0) + 1,
      kind,
      trainedAt: now,
      closedDeals: closed.length,
      trainRows: train.length,
      testRows: test.length,
      splitAt: test[0]?.closedAt ?? null,
      auc: auc(scored),
      brier: brier(scored),
      calibration: scored.length ? calibration(scored) : [],
      params,
    })
    .returning();
  return model;
}

export async function latestWinModel(db: Db, orgId: string): Promise<WinModel | null> {
  const [model] = await db.select().from(winModels).where(eq(winModels.orgId, orgId)).orderBy(desc(winModels.version)).limit(1);
  return model ?? null;
}

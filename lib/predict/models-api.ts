// What GET /api/models and the admin "Models" page show of an organisation's win-probability
// models: the newest with its measurement, and the versions before it. Weights stay on the server.
import { desc, eq } from "drizzle-orm";
import { winModels, type CalibrationBin } from "@/db/schema";
import type { Db } from "@/db/types";
import { writeAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/viewer";
import { requestWinScoring } from "./background";
import { trainWinModel, type WinModel } from "./train";
import { MIN_CLOSED_FOR_MODEL } from "./win-model";

export type ModelSummary = {
  id: string;
  version: number;
  kind: "logistic" | "stage-rate";
  trainedAt: Date;
  closedDeals: number;
  trainRows: number;
  testRows: number;
  splitAt: Date | null;
  auc: number | null;
  brier: number | null;
  calibration: CalibrationBin[];
};

const HISTORY = 10;

export function summaryOf(model: WinModel): ModelSummary {
  const { id, version, kind, trainedAt, closedDeals, trainRows, testRows, splitAt, auc, brier, calibration } = model;
  return { id, version, kind, trainedAt, closedDeals, trainRows, testRows, splitAt, auc, brier, calibration };
}

export async function listModels(db: Db, orgId: string): Promise<{ model: ModelSummary | null; history: ModelSummary[]; minClosedDeals: number }> {
  const rows = await db.select().from(winModels).where(eq(winModels.orgId, orgId)).orderBy(desc(winModels.version)).limit(HISTORY);
  const history = rows.map(summaryOf);
  return { model: history[0] ?? null, history, minClosedDeals: MIN_CLOSED_FOR_MODEL };
}

/** "Train now" on the page: trains, records who asked, answers with the new version; the open deals are scored by it in the background. */
export async function trainNow(db: Db, viewer: Pick<Viewer, "orgId" | "userId">): Promise<ModelSummary> {
  const model = await trainWinModel(db, viewer.orgId);
  await writeAudit(db, viewer, { action: "win_model.train", targetType: "win_model", targetId: model.id, details: { version: model.version, kind: model.kind, closedDeals: model.closedDeals } });
  requestWinScoring(viewer.orgId);
  return summaryOf(model);
}

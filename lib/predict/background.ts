// Training and scoring in the background. After a sync run succeeds, the organisation's model is
// retrained when its newest version is a day old or more; then (and after every webhook batch that
// changed deals) its stale open deals are scored into deal_win_scores (./scores.ts). A sweep every
// few minutes scores whatever a request missed (a web instance's "Train now", a killed process);
// where no process stays up, /api/cron/models does both (upkeepAllModels).
// Installed once per process that does background work (instrumentation-node.ts); elsewhere
// (tests, web instances, scripts) a request does nothing, except that a request from another thread
// of the process (the inbox processor's worker thread) crosses over on a BroadcastChannel.
import { BroadcastChannel } from "node:worker_threads";
import { and, eq } from "drizzle-orm";
import { organisations, winModels } from "@/db/schema";
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { orgIsActive } from "@/lib/hosted/suspension";
import { scoreStaleDeals } from "./scores";
import { latestWinModel, trainWinModel } from "./train";

/** A newer model than this is kept: a sync every few minutes must not retrain every few minutes. */
export const RETRAIN_AFTER_MS = 24 * 60 * 60_000;
/** The sweep that scores what no request reached. */
export const SCORE_SWEEP_MS = 5 * 60_000;
/** Requests for an organisation that arrive while it is being scored make one more round, at most this many in a row. */
const MAX_ROUNDS = 5;
const CHANNEL = "voronka:predict:score";

type Job = { train: boolean; now?: Date };
type State = {
  getDb: () => Promise<Db>;
  busy: Set<string>;
  /** What arrived for an organisation while it was busy. */
  queued: Map<string, Job>;
  timer?: ReturnType<typeof setInterval>;
  channel?: BroadcastChannel;
};
const slot = processSlot<State>("ModelTraining");

export function startModelTraining(getDb: () => Promise<Db>, options: { sweepMs?: number } = {}): void {
  const state = slot.ensure(() => ({ getDb, busy: new Set(), queued: new Map() }));
  if (state.channel) return;
  state.channel = new BroadcastChannel(CHANNEL);
  state.channel.onmessage = (message) => {
    const orgId: unknown = (message as { data?: unknown }).data;
    if (typeof orgId === "string") requestWinScoring(orgId);
  };
  state.channel.unref();
  const sweepMs = options.sweepMs ?? SCORE_SWEEP_MS;
  if (sweepMs > 0) {
    state.timer = setInterval(() => void sweep(state), sweepMs);
    state.timer.unref?.();
  }
}

export function stopModelTraining(): void {
  const state = slot.get();
  if (state?.timer) clearInterval(state.timer);
  state?.channel?.close();
  slot.set(undefined);
}

/** Whether training or scoring of the organisation is under way in this process (tests wait on it). */
export function isTraining(orgId: string): boolean {
  return slot.get()?.busy.has(orgId) ?? false;
}

/** After a sync: retrain when the model is a day old, then score. Never waits and never throws. */
export function requestModelTraining(orgId: string, now = new Date()): void {
  request(orgId, { train: true, now });
}

/** After writes that changed open deals (a webhook batch) or a new model: score what is stale. Never waits and never throws. */
export function requestWinScoring(orgId: string): void {
  if (!slot.get()) {
    // Another thread of this process may do the background work; nobody listening is a no-op.
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage(orgId);
    channel.close();
    return;
  }
  request(orgId, { train: false });
}

function request(orgId: string, job: Job): void {
  const state = slot.get();
  if (!state) return;
  if (state.busy.has(orgId)) {
    const queued = state.queued.get(orgId);
    state.queued.set(orgId, { train: job.train || (queued?.train ?? false), now: job.now ?? queued?.now });
    return;
  }
  void runAlone(state, orgId, job);
}

/** One run per organisation at a time in this process. */
async function runAlone(state: State, orgId: string, job: Job): Promise<void> {
  state.busy.add(orgId);
  try {
    await run(state, orgId, job);
  } finally {
    state.busy.delete(orgId);
  }
}

async function run(state: State, orgId: string, first: Job): Promise<void> {
  let job: Job | undefined = first;
  for (let round = 0; job && round < MAX_ROUNDS; round++) {
    try {
      const db = await state.getDb();
      if (job.train) await retrainIfStale(db, orgId, job.now ?? new Date());
      const scores = await scoreStaleDeals(db, orgId);
      if (scores.scored > 0 || scores.removed > 0) console.info(`[models] ${scores.scored} open deals scored by v${scores.modelVersion}, ${scores.removed} closed deals' scores dropped`);
    } catch (error) {
      console.error("[models] training or scoring failed:", errorMessage(error));
    }
    job = state.queued.get(orgId);
    state.queued.delete(orgId);
  }
}

async function retrainIfStale(db: Db, orgId: string, now: Date): Promise<boolean> {
  const latest = await latestWinModel(db, orgId);
  if (latest && now.getTime() - latest.trainedAt.getTime() < RETRAIN_AFTER_MS) return false;
  const model = await trainWinModel(db, orgId, now);
  console.info(`[models] win-probability model v${model.version} (${model.kind}) trained on ${model.closedDeals} closed deals`);
  return true;
}

/**
 * Where no process stays up (serverless; /api/cron/models): every organisation in turn is retrained
 * when its model is a day old (or it has none) and its stale deals scored, within a time budget.
 */
export async function upkeepAllModels(db: Db, options: { budgetMs?: number; now?: Date; orgId?: string } = {}): Promise<{ organisations: number; trained: number; scored: number; isComplete: boolean }> {
  const deadline = Date.now() + (options.budgetMs ?? 45_000);
  const orgs = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(orgIsActive(organisations.id), options.orgId ? eq(organisations.id, options.orgId) : undefined));
  let trained = 0;
  let scored = 0;
  for (const org of orgs) {
    if (Date.now() > deadline) return { organisations: orgs.length, trained, scored, isComplete: false };
    if (await retrainIfStale(db, org.id, options.now ?? new Date())) trained++;
    const result = await scoreStaleDeals(db, org.id, { budgetMs: Math.max(0, deadline - Date.now()) });
    scored += result.scored;
    if (!result.isComplete) return { organisations: orgs.length, trained, scored, isComplete: false };
  }
  return { organisations: orgs.length, trained, scored, isComplete: true };
}

/** Every organisation with a model, one after another (skipping one already busy). */
async function sweep(state: State): Promise<void> {
  try {
    const db = await state.getDb();
    const orgs = await db.selectDistinct({ orgId: winModels.orgId }).from(winModels).where(orgIsActive(winModels.orgId));
    for (const { orgId } of orgs) if (slot.get() === state && !state.busy.has(orgId)) await runAlone(state, orgId, { train: false });
  } catch (error) {
    console.error("[models] scoring sweep failed:", errorMessage(error));
  }
}

// Detection in the background: after a sync run succeeds, and every hour for every organisation,
// each organisation's series are judged again when its last pass is an hour old or more (or a new
// day has ended since), then new anomalies go to Telegram and by e-mail (./mail.ts). Installed once
// per process that does background work (instrumentation-node.ts); elsewhere (tests, web instances,
// scripts) a request does nothing. The cron route /api/cron/anomalies runs the same pass where no process stays up.
import { eq } from "drizzle-orm";
import { anomalyRuns, organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { orgIsActive } from "@/lib/hosted/suspension";
import { drainAnomalyMails, queueAnomalyMails } from "./mail";
import { notifyAnomalies } from "./notify";
import { detectOrgAnomalies } from "./run";

export const REDETECT_AFTER_MS = 60 * 60_000;

type State = { getDb: () => Promise<Db>; running: Set<string>; timer?: ReturnType<typeof setInterval> };
const slot = processSlot<State>("AnomalyDetection");

export function startAnomalyDetection(getDb: () => Promise<Db>, everyMs = REDETECT_AFTER_MS): void {
  const state = slot.ensure(() => ({ getDb, running: new Set() }));
  if (state.timer) return;
  const sweep = () => void detectAllOrgs(getDb).catch((error: unknown) => console.error("[anomalies] sweep failed:", errorMessage(error)));
  state.timer = setInterval(sweep, everyMs);
  state.timer.unref?.();
  // A first sweep a minute after start, so a server restarted every day still judges each day.
  setTimeout(sweep, 60_000).unref?.();
}

export function stopAnomalyDetection(): void {
  const state = slot.get();
  if (state?.timer) clearInterval(state.timer);
  slot.set(undefined);
}

/** Never waits and never throws; one pass per organisation at a time. */
export function requestAnomalyDetection(orgId: string, now = new Date()): void {
  const state = slot.get();
  if (!state || state.running.has(orgId)) return;
  state.running.add(orgId);
  void state
    .getDb()
    .then((db) => detectIfStale(db, orgId, now))
    .catch((error: unknown) => console.error("[anomalies] detection failed:", errorMessage(error)))
    .finally(() => state.running.delete(orgId));
}

/** Judges the organisation again unless its last pass is fresh; returns whether it ran. */
export async function detectIfStale(db: Db, orgId: string, now = new Date(), options: { force?: boolean } = {}): Promise<boolean> {
  const [last] = await db.select().from(anomalyRuns).where(eq(anomalyRuns.orgId, orgId));
  if (!options.force && last && now.getTime() - last.ranAt.getTime() < REDETECT_AFTER_MS) return false;
  await detectOrgAnomalies(db, orgId, { now });
  await notifyAnomalies(db, orgId, { now });
  if (await queueAnomalyMails(db, orgId, { now })) await drainAnomalyMails(db, { orgId });
  return true;
}

/** Every organisation in turn (the hourly sweep and the cron route), within a time budget; suspended ones wait. */
export async function detectAllOrgs(getDb: () => Promise<Db>, options: { budgetMs?: number; now?: Date } = {}): Promise<{ organisations: number; ran: number }> {
  const db = await getDb();
  const now = options.now ?? new Date();
  const deadline = Date.now() + (options.budgetMs ?? 45_000);
  const orgs = await db.select({ id: organisations.id }).from(organisations).where(orgIsActive(organisations.id));
  let ran = 0;
  for (const org of orgs) {
    if (Date.now() > deadline) break;
    if (await detectIfStale(db, org.id, now)) ran++;
  }
  // E-mails that failed with "try again later" (or whose sender died) come due again.
  await drainAnomalyMails(db, { budgetMs: Math.max(0, deadline - Date.now()) });
  return { organisations: orgs.length, ran };
}

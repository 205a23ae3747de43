// One pass over an organisation's series: load them (lib/anomalies/series.ts), find the runs outside
// their band, and store each anomaly once. A run that goes on, or is seen again after the next sync,
// updates its row (the row whose days it overlaps) instead of adding one, so the panel lists it
// once and Telegram hears about it once. Today is not over, so the last judged day is yesterday.
import { and, eq, gte } from "drizzle-orm";
import { anomalies, anomalyRuns, organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import { localToday } from "@/lib/time/comparison";
import { detectAnomalies, type Anomaly } from "./detect";
import { DETECT_OPTIONS, HISTORY_DAYS } from "./options";
import { addDays, daysBetween, loadDailySeries, type SeriesRef } from "./series";

export type DetectRunOptions = {
  now?: Date;
  /** How many days before today are judged (default 14); older anomalies stay as they were stored. */
  judgeDays?: number;
};
export type DetectRunResult = { series: number; found: number; inserted: number; updated: number; lastDay: string };

export async function detectOrgAnomalies(db: Db, orgId: string, options: DetectRunOptions = {}): Promise<DetectRunResult> {
  const now = options.now ?? new Date();
  const judgeDays = options.judgeDays ?? 14;
  const [org] = await db.select({ timezone: organisations.timezone }).from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw new Error(`detectOrgAnomalies: no organisation ${orgId}`);
  const lastDay = addDays(localToday(now, org.timezone), -1);
  const firstJudged = addDays(lastDay, -(judgeDays - 1));
  const days = daysBetween(addDays(firstJudged, -HISTORY_DAYS), lastDay);
  const series = await loadDailySeries(db, { orgId, from: days[0], to: lastDay }, org.timezone);
  const found: { ref: SeriesRef; anomaly: Anomaly }[] = [];
  for (const one of series) {
    const points = days.map((day) => ({ day, value: one.values.get(day) ?? 0 }));
    for (const anomaly of detectAnomalies(points, DETECT_OPTIONS[one.type])) if (anomaly.to >= firstJudged) found.push({ ref: one, anomaly });
  }
  const { inserted, updated } = await storeAnomalies(db, orgId, found, addDays(firstJudged, -HISTORY_DAYS), now);
  await db
    .insert(anomalyRuns)
    .values({ orgId, ranAt: now, lastDay })
    .onConflictDoUpdate({ target: anomalyRuns.orgId, set: { ranAt: now, lastDay } });
  return { series: series.length, found: found.length, inserted, updated, lastDay };
}

const refId = (ref: Pick<SeriesRef, "type" | "key" | "audience" | "departmentId">) => `${ref.type}|${ref.key}|${ref.audience}|${ref.departmentId ?? ""}`;

async function storeAnomalies(db: Db, orgId: string, found: { ref: SeriesRef; anomaly: Anomaly }[], since: string, now: Date) {
  const existing = await db
    .select({ id: anomalies.id, type: anomalies.type, key: anomalies.seriesKey, audience: anomalies.audience, departmentId: anomalies.departmentId, fromDay: anomalies.fromDay, toDay: anomalies.toDay, direction: anomalies.direction })
    .from(anomalies)
    .where(and(eq(anomalies.orgId, orgId), gte(anomalies.toDay, since)));
  let inserted = 0;
  let updated = 0;
  for (const { ref, anomaly } of found) {
    const figures = { toDay: anomaly.to, days: anomaly.days, expected: anomaly.expected, actual: anomaly.actual, score: anomaly.score, severity: anomaly.severity, updatedAt: now };
    // The same series and direction, days touching: the same anomaly seen again (or grown by a day).
    const same = existing.find(
      (row) => refId({ ...row, key: row.key }) === refId(ref) && row.direction === anomaly.direction && row.fromDay <= addDays(anomaly.to, 1) && anomaly.from <= addDays(row.toDay, 1),
    );
    if (same) {
      const fromDay = same.fromDay < anomaly.from ? same.fromDay : anomaly.from;
      const toDay = same.toDay > anomaly.to ? same.toDay : anomaly.to;
      await db.update(anomalies).set({ ...figures, fromDay, toDay }).where(eq(anomalies.id, same.id));
      Object.assign(same, { fromDay, toDay });
      updated++;
      continue;
    }
    const [row] = await db
      .insert(anomalies)
      .values({ orgId, type: ref.type, seriesKey: ref.key, audience: ref.audience, departmentId: ref.departmentId, crmUserId: ref.crmUserId, fromDay: anomaly.from, direction: anomaly.direction, detectedAt: now, ...figures })
      .onConflictDoNothing()
      .returning({ id: anomalies.id });
    if (row) {
      existing.push({ id: row.id, type: ref.type, key: ref.key, audience: ref.audience, departmentId: ref.departmentId, fromDay: anomaly.from, toDay: anomaly.to, direction: anomaly.direction });
      inserted++;
    }
  }
  return { inserted, updated };
}

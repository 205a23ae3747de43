// One deal with everything around it: its client, the lead it came from, its path through the
// pipeline (stage changes, close time), its amount and the managers' activities on it.
import { DEAL_ACTIVITY_COUNTS, DEAL_ACTIVITY_WEIGHTS, pushActivities } from "./activities";
import { addContact } from "./contacts";
import { nextExternalId, pickCrmUser, type Ctx, type CrmUserRef, type PipelineRef } from "./context";
import { addAmoDealLead, addConvertedLead } from "./leads";
import { BITRIX_PRODUCTS, SCHOOL_PRODUCTS } from "./names";
import { pickOrigin } from "./origin";
import type { CrmBatch } from "./rows";
import { DAY, later, timeOnDay } from "./timeline";

/** Share of Bitrix24 deals converted from a lead. */
const FROM_LEAD_SHARE = 0.6;
const STALE_SHARE = 0.03;
const DELETED_SHARE = 0.015;
const MINUTE = 60_000;

type Path = { changes: { toStageId: string; at: Date }[]; closedAt: Date | null; activityEnd: Date };

/** Forward through the open stages (sometimes skipping one), then won or lost; cut at `now`. */
export function planPath(ctx: Ctx, pipeline: PipelineRef, manager: CrmUserRef, createdAt: Date): Path {
  const { rnd } = ctx;
  const opens = pipeline.openStageIds;
  const isStale = rnd.chance(STALE_SHARE);
  const isWon = !isStale && rnd.chance(Math.min(0.9, pipeline.profile.winRate * manager.skill));
  const spanMs = Math.max(0.05, rnd.logNormal(pipeline.profile.cycleDays, 0.8)) * DAY * (isStale ? 1.5 : 1);
  const last = opens.length - 1;
  const depth = isWon ? rnd.int(last - 1, last) : rnd.int(0, last);
  const stops: string[] = [];
  for (let i = 1; i <= depth; i++) if ((i === depth && !isWon) || rnd.chance(0.75)) stops.push(opens[i]);
  const t0 = createdAt.getTime();
  const moments = stops.map(() => Math.floor(t0 + MINUTE + rnd.next() * (spanMs - 2 * MINUTE))).sort((a, b) => a - b);
  const nowMs = ctx.timeline.now.getTime();
  const changes = [{ toStageId: opens[0], at: createdAt }];
  for (let i = 0; i < stops.length && moments[i] <= nowMs; i++) changes.push({ toStageId: stops[i], at: new Date(moments[i]) });
  const endMs = Math.floor(t0 + spanMs);
  let closedAt: Date | null = null;
  if (!isStale && endMs <= nowMs) {
    closedAt = new Date(endMs);
    changes.push({ toStageId: isWon ? pipeline.wonStageId : pipeline.lostStageId, at: closedAt });
  }
  return { changes, closedAt, activityEnd: closedAt ?? new Date(Math.min(nowMs, endMs)) };
}

function dealAmount(ctx: Ctx, pipeline: PipelineRef, day: number): { amount: string; currency: string } {
  const { rnd } = ctx;
  const { amountMedian, amountSigma } = pipeline.profile;
  const kzt = Math.min(amountMedian * 8, Math.max(amountMedian / 5, rnd.logNormal(amountMedian, amountSigma)));
  const r = rnd.next();
  if (r < 0.08) return { amount: String(Math.max(1_000, Math.round(kzt / ctx.rates.rateOn("RUB", day) / 100) * 100)), currency: "RUB" };
  if (r < 0.12) return { amount: String(Math.max(50, Math.round(kzt / ctx.rates.rateOn("USD", day) / 10) * 10)), currency: "USD" };
  return { amount: String(Math.round(kzt / 1_000) * 1_000), currency: "KZT" };
}

function pickPipeline(ctx: Ctx, manager: CrmUserRef): PipelineRef {
  const candidates = ctx.pipelines.filter((p) => p.source === manager.source);
  return ctx.rnd.weighted(
    candidates,
    candidates.map((p) => p.share),
  );
}

function dealTitle(ctx: Ctx, pipeline: PipelineRef, client: { name: string; companyName: string | null }): string {
  if (pipeline.source === "bitrix24") return `${ctx.rnd.pick(BITRIX_PRODUCTS)} — ${client.companyName ?? client.name}`;
  const products = pipeline.name === "Flagship" ? SCHOOL_PRODUCTS.flagship : SCHOOL_PRODUCTS.express;
  return `${ctx.rnd.pick(products)}: ${client.name}`;
}

export function addDeal(ctx: Ctx, batch: CrmBatch, day: number): void {
  const { rnd, timeline, orgId } = ctx;
  const createdAt = timeOnDay(timeline, rnd, day);
  const manager = pickCrmUser(ctx, createdAt.getTime());
  const kind = manager.source;
  const sourceId = manager.sourceId;
  const pipeline = pickPipeline(ctx, manager);
  const origin = pickOrigin(ctx, kind);
  const isFromLead = kind === "bitrix24" && rnd.chance(FROM_LEAD_SHARE);
  const leadCreatedAt = isFromLead ? new Date(Math.max(timeline.start.getTime(), createdAt.getTime() - Math.floor(rnd.exponential(1.5 * DAY)))) : createdAt;
  const client = addContact(ctx, batch, kind, sourceId, manager.id, leadCreatedAt);
  const money = dealAmount(ctx, pipeline, day);
  const leadId = isFromLead
    ? addConvertedLead(ctx, batch, { manager, origin, contactId: client.id, createdAt: leadCreatedAt, convertedAt: createdAt, ...money })
    : null;
  const path = planPath(ctx, pipeline, manager, createdAt);
  const dealId = rnd.uuid();
  let fromStageId: string | null = null;
  for (const change of path.changes) {
    batch.stageChanges.push({
      id: rnd.uuid(),
      orgId,
      sourceId,
      externalId: nextExternalId(ctx, kind, "stageChange"),
      dealId,
      fromStageId,
      toStageId: change.toStageId,
      crmUserId: manager.id,
      changedAt: change.at,
    });
    fromStageId = change.toStageId;
  }
  const updatedAt = path.changes[path.changes.length - 1].at;
  // In the order the random draws were always made: the same seed gives the same demo.
  const externalId = nextExternalId(ctx, kind, "deal");
  const title = dealTitle(ctx, pipeline, client);
  const deletedAt = rnd.chance(DELETED_SHARE) ? later(timeline, updatedAt, rnd.float(0.1, 20)) : null;
  // amoCRM's deals are its leads: the sync writes each as a lead too (lib/canonical/deal-leads.ts), and so does the demo.
  const amoLeadId =
    kind === "amocrm"
      ? addAmoDealLead(ctx, batch, { dealId, externalId, title, stageExternalId: pipeline.stageExternalIds[fromStageId!], manager, origin, contactId: client.id, ...money, createdAt, updatedAt, deletedAt })
      : null;
  batch.deals.push({
    id: dealId,
    orgId,
    sourceId,
    externalId,
    title,
    pipelineId: pipeline.id,
    stageId: fromStageId!,
    ...money,
    crmUserId: manager.id,
    contactId: client.id,
    companyId: client.companyId,
    leadId: leadId ?? amoLeadId,
    ...origin,
    createdAt,
    updatedAt,
    closedAt: path.closedAt,
    deletedAt,
  });
  const count = rnd.weighted(DEAL_ACTIVITY_COUNTS, DEAL_ACTIVITY_WEIGHTS);
  pushActivities(ctx, batch, { kind, sourceId, crmUserId: manager.id, dealId, leadId: null, contactId: client.id }, createdAt, path.activityEnd, count);
}

// Bitrix24 leads: the ones converted into deals (the deal points back), and the rest, junk or still open.
import { pushActivities } from "./activities";
import { nextExternalId, pickCrmUser, type Ctx, type CrmUserRef } from "./context";
import { pickOrigin, type Origin } from "./origin";
import type { CrmBatch } from "./rows";
import { DAY, timeOnDay } from "./timeline";

/** Leads that never became a deal, per deal; with the converted ones that makes ~1.5 leads per deal. */
export const LOOSE_LEADS_PER_DEAL = 1.12;

const TITLES: Record<string, string> = {
  Звонок: "Входящий звонок",
  "Веб-сайт": "Заявка с сайта",
  Реклама: "Заявка с рекламы",
  Рекомендация: "Клиент по рекомендации",
  Instagram: "Заявка из Instagram",
};
const title = (origin: Origin) => (origin.channel && TITLES[origin.channel]) || "Новый лид";

export function addConvertedLead(
  ctx: Ctx,
  batch: CrmBatch,
  deal: { manager: CrmUserRef; origin: Origin; contactId: string; createdAt: Date; convertedAt: Date; amount: string; currency: string },
): string {
  const { rnd } = ctx;
  const id = rnd.uuid();
  batch.leads.push({
    id,
    orgId: ctx.orgId,
    sourceId: deal.manager.sourceId,
    externalId: nextExternalId(ctx, "bitrix24", "lead"),
    title: title(deal.origin),
    statusExternalId: "CONVERTED",
    statusSemantic: "converted",
    ...deal.origin,
    crmUserId: deal.manager.id,
    contactId: deal.contactId,
    amount: deal.amount,
    currency: deal.currency,
    createdAt: deal.createdAt,
    updatedAt: deal.convertedAt,
    convertedAt: deal.convertedAt,
    deletedAt: null,
  });
  if (rnd.chance(0.5)) {
    const owner = { kind: "bitrix24" as const, sourceId: deal.manager.sourceId, crmUserId: deal.manager.id, dealId: null, leadId: id, contactId: deal.contactId };
    pushActivities(ctx, batch, owner, deal.createdAt, deal.convertedAt, 1, true);
  }
  return id;
}

/** A lead created on `day` that is not (yet) a deal: junk when it is old, mostly open when fresh. */
export function addLooseLead(ctx: Ctx, batch: CrmBatch, day: number): void {
  const { rnd, timeline } = ctx;
  const createdAt = timeOnDay(timeline, rnd, day);
  const manager = pickCrmUser(ctx, createdAt.getTime(), "bitrix24");
  const origin = pickOrigin(ctx, "bitrix24");
  const ageDays = (timeline.now.getTime() - createdAt.getTime()) / DAY;
  const isJunk = rnd.chance(ageDays > 30 ? 0.85 : 0.3);
  const status = isJunk ? "JUNK" : ageDays < 2 ? "NEW" : rnd.pick(["IN_PROCESS", "PROCESSED"]);
  const touchedMs = Math.min(timeline.now.getTime(), createdAt.getTime() + rnd.exponential(2 * DAY));
  const id = rnd.uuid();
  batch.leads.push({
    id,
    orgId: ctx.orgId,
    sourceId: manager.sourceId,
    externalId: nextExternalId(ctx, "bitrix24", "lead"),
    title: title(origin),
    statusExternalId: status,
    statusSemantic: isJunk ? "junk" : "open",
    ...origin,
    crmUserId: manager.id,
    contactId: null,
    amount: null,
    currency: null,
    createdAt,
    updatedAt: new Date(Math.floor(touchedMs)),
    convertedAt: null,
    deletedAt: null,
  });
  const calls = rnd.weighted([0, 1, 2], [60, 30, 10]);
  if (calls > 0) {
    const owner = { kind: "bitrix24" as const, sourceId: manager.sourceId, crmUserId: manager.id, dealId: null, leadId: id, contactId: null };
    pushActivities(ctx, batch, owner, createdAt, new Date(createdAt.getTime() + 3 * DAY), calls, true);
  }
}

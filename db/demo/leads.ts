// Leads: Bitrix24's (the ones converted into deals, the deal pointing back, and the rest, junk or still open) and the lead each amoCRM deal is.
import { createHash } from "node:crypto";
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

/**
 * The lead an amoCRM deal is (lib/canonical/deal-leads.ts writes the same on a sync): the deal's
 * external id, stage, manager, contact, UTM and amount; open, since "converted" is the facts' answer
 * (the qualified stage). Its id comes from the deal's, not from the random stream, so adding it
 * left every other demo figure as it was.
 */
export function addAmoDealLead(
  ctx: Ctx,
  batch: CrmBatch,
  deal: { dealId: string; externalId: string; title: string; stageExternalId: string; manager: CrmUserRef; origin: Origin; contactId: string; amount: string; currency: string; createdAt: Date; updatedAt: Date; deletedAt: Date | null },
): string {
  const id = uuidFrom(`amocrm-lead:${deal.dealId}`);
  batch.leads.push({
    id,
    orgId: ctx.orgId,
    sourceId: deal.manager.sourceId,
    externalId: deal.externalId,
    title: deal.title,
    statusExternalId: deal.stageExternalId,
    statusSemantic: "open",
    ...deal.origin,
    crmUserId: deal.manager.id,
    contactId: deal.contactId,
    amount: deal.amount,
    currency: deal.currency,
    createdAt: deal.createdAt,
    updatedAt: deal.updatedAt,
    convertedAt: null,
    deletedAt: deal.deletedAt,
  });
  return id;
}

/** A stable UUID (v4 layout) from a name. */
function uuidFrom(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
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

// Calls, e-mails, meetings and tasks around a deal or a lead, done or not, never in the future.
import { nextExternalId, type Ctx, type CrmKind } from "./context";
import type { ActivityRow, CrmBatch } from "./rows";
import { DAY } from "./timeline";
import { textOfActivity } from "./conversation";

type ActivityType = ActivityRow["type"];
const TYPES: ActivityType[] = ["call", "email", "meeting", "task"];
const TYPE_WEIGHTS = [50, 15, 12, 23];
/** Activities per deal: 1–6, about 2.6 on average (leads add a few more). */
export const DEAL_ACTIVITY_COUNTS = [1, 2, 3, 4, 5, 6];
export const DEAL_ACTIVITY_WEIGHTS = [25, 30, 22, 13, 6, 4];

const EMAIL_SUBJECTS = ["Коммерческое предложение", "Счёт на оплату", "Договор на согласование", "Ответ на запрос", "Программа курса"];
const MEETING_SUBJECTS = ["Встреча в офисе клиента", "Презентация продукта", "Онлайн-встреча в Zoom"];
const TASK_SUBJECTS = ["Перезвонить клиенту", "Отправить КП", "Подготовить договор", "Уточнить потребность", "Напомнить об оплате"];

export type ActivityOwner = {
  kind: CrmKind;
  sourceId: string;
  crmUserId: string;
  dealId: string | null;
  leadId: string | null;
  contactId: string | null;
};

export function pushActivities(ctx: Ctx, batch: CrmBatch, owner: ActivityOwner, from: Date, to: Date, count: number, onlyCalls = false): void {
  const { rnd } = ctx;
  const nowMs = ctx.timeline.now.getTime();
  const fromMs = from.getTime();
  const spanMs = Math.max(0, Math.min(to.getTime(), nowMs) - fromMs);
  for (let i = 0; i < count; i++) {
    const startMs = Math.floor(fromMs + rnd.next() * spanMs);
    const type = onlyCalls ? "call" : rnd.weighted(TYPES, TYPE_WEIGHTS);
    let subject: string;
    let direction: string | null = null;
    let isCompleted = true;
    let doneMs: number | null = startMs;
    let durationSeconds: number | null = null;
    if (type === "call") {
      direction = rnd.chance(0.65) ? "out" : "in";
      const isMissed = rnd.chance(0.12);
      durationSeconds = isMissed ? 0 : Math.round(Math.min(1200, Math.max(20, rnd.logNormal(150, 0.9))));
      // A missed incoming call stays open until someone calls back; an unanswered outgoing one is done.
      isCompleted = !(isMissed && direction === "in");
      doneMs = isCompleted ? startMs + durationSeconds * 1000 : null;
      subject = isMissed ? (direction === "in" ? "Пропущенный звонок" : "Недозвон") : direction === "in" ? "Входящий звонок" : "Исходящий звонок";
    } else if (type === "email") {
      direction = rnd.chance(0.7) ? "out" : "in";
      subject = rnd.pick(EMAIL_SUBJECTS);
    } else if (type === "meeting") {
      durationSeconds = rnd.pick([1800, 3600, 5400]);
      isCompleted = startMs + durationSeconds * 1000 <= nowMs && rnd.chance(0.9);
      doneMs = isCompleted ? startMs + durationSeconds * 1000 : null;
      subject = rnd.pick(MEETING_SUBJECTS);
    } else {
      isCompleted = rnd.chance(nowMs - startMs > 2 * DAY ? 0.85 : 0.35);
      doneMs = isCompleted ? startMs + rnd.exponential(0.8 * DAY) : null;
      subject = rnd.pick(TASK_SUBJECTS);
    }
    const completedAt = doneMs === null ? null : new Date(Math.floor(Math.min(doneMs, nowMs)));
    const startAt = new Date(startMs);
    batch.activities.push({
      id: rnd.uuid(),
      orgId: ctx.orgId,
      sourceId: owner.sourceId,
      externalId: nextExternalId(ctx, owner.kind, "activity"),
      type,
      subject,
      direction,
      isCompleted,
      crmUserId: owner.crmUserId,
      dealId: owner.dealId,
      leadId: owner.leadId,
      contactId: owner.contactId,
      startAt,
      completedAt,
      durationSeconds,
      createdAt: startAt,
      updatedAt: completedAt ?? startAt,
      deletedAt: null,
    });
    const text = textOfActivity(batch.activities[batch.activities.length - 1], owner.kind);
    if (text) batch.conversationTexts.push(text);
  }
}

// The demo's conversation texts (issue 18): e-mails, meeting notes and recorded calls around the
// deals' activities, as the sync would bring them. Each text is derived from its activity (not
// from the shared random stream), so adding texts leaves every other demo figure as it was.
import { createHash } from "node:crypto";
import { contentHashOf } from "@/lib/canonical/conversation-texts";
import type { CrmKind } from "./context";
import type { ActivityRow, ConversationTextRow } from "./rows";

const EMAILS = [
  "Добрый день! Направляем коммерческое предложение. Цена действует до конца месяца, при оплате в этом месяце — скидка 5 %.",
  "Здравствуйте! Спасибо за предложение, но для нас это дорого. Конкурент предлагает похожее на 15 % дешевле.",
  "Коллеги, договор посмотрели, юристы просят поправить пункт об ответственности. После этого подпишем.",
  "Добрый день! Решение принимает директор, он вернётся из отпуска через две недели. Вернёмся к вопросу тогда.",
  "Hello! Could you send the invoice? We are ready to pay this week.\n\nBest regards,\nProcurement team",
  "Добрый день!\n\nПосмотрели ваше предложение вместе с финансовым отделом. По функциям всё подходит, но есть три вопроса.\n" +
    "1. Цена: бюджет на этот квартал меньше на 20 %, можно ли разбить оплату на два платежа?\n" +
    "2. Сроки: нам нужно запуститься до 1 марта, успеете ли вы с внедрением и обучением сотрудников?\n" +
    "3. Договор: юристы просят добавить пункт о неустойке за срыв сроков.\n\n" +
    "Если по всем трём пунктам договоримся, готовы подписать на следующей неделе.\nС уважением, отдел закупок",
];
const MEETINGS = [
  "Провели презентацию. Клиенту понравился модуль отчётов, спрашивали про интеграцию с 1С.\nСледующий шаг: демо для финансового директора.",
  "Встреча в офисе. Бюджет на этот год уже распределён, предлагают вернуться в январе.",
  "Обсудили сроки внедрения: клиенту важно запуститься до начала сезона. Готовы подписать, если успеем за месяц.",
];
const CALLS = [
  "Клиент перезвонил сам, уточнял сроки поставки. Всё устраивает, ждёт счёт.",
  "Не дозвонился до ЛПР, секретарь просила прислать информацию на почту.",
  "Клиент сомневается, что продукт им нужен сейчас, просил перезвонить через месяц.",
];

/** A number in [0, 1) from an activity id and a salt: the same every time for the same row. */
function unit(id: string, salt: string): number {
  return createHash("sha1").update(`${salt}:${id}`).digest().readUInt32BE(0) / 2 ** 32;
}

/** A UUID of the text, derived from its activity's. */
function uuidFrom(id: string): string {
  const hex = createHash("sha1").update(`text:${id}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function textOfActivity(activity: ActivityRow, kind: CrmKind): ConversationTextRow | null {
  const id = activity.id!;
  // Chosen by the CRM's id, not the uuid: the same story under another e-mail domain has other uuids.
  const key = `${kind}:${activity.externalId}`;
  const pick = <T>(list: T[], salt: string) => list[Math.floor(unit(key, salt) * list.length)];
  const base = {
    id: uuidFrom(id),
    orgId: activity.orgId,
    sourceId: activity.sourceId,
    dealId: activity.dealId ?? null,
    leadId: activity.leadId ?? null,
    contactId: activity.contactId ?? null,
    activityId: id,
    crmUserId: activity.crmUserId ?? null,
    direction: activity.direction ?? null,
    occurredAt: activity.startAt,
    createdAt: activity.startAt,
    updatedAt: activity.updatedAt ?? activity.startAt,
    deletedAt: null,
  };
  const withBody = (body: string) => ({ ...base, body, contentHash: contentHashOf(body) });
  if (activity.type === "email" && unit(key, "has-text") < 0.8) {
    const body = pick(EMAILS, "email");
    return kind === "bitrix24"
      ? { ...withBody(body), externalId: `activity:${activity.externalId}`, kind: "bitrix_activity_description" }
      : { ...withBody(body), externalId: `lead-note:${activity.externalId}`, kind: "amocrm_note_common" };
  }
  if (activity.type === "meeting" && unit(key, "has-text") < 0.7) {
    const body = pick(MEETINGS, "meeting");
    return kind === "bitrix24"
      ? { ...withBody(body), externalId: `comment:${activity.externalId}`, kind: "bitrix_timeline_comment" }
      : { ...withBody(body), externalId: `lead-note:${activity.externalId}`, kind: "amocrm_note_common" };
  }
  if (activity.type === "call" && (activity.durationSeconds ?? 0) > 0 && unit(key, "recorded") < 0.6) {
    const body = unit(key, "has-text") < 0.5 ? pick(CALLS, "call") : "";
    const recordingUrl =
      kind === "bitrix24"
        ? `https://voronka-demo.bitrix24.kz/disk/showFile/${activity.externalId}/?&ncc=1&filename=call_${activity.externalId}.mp3`
        : `https://records.voronka-demo.kz/${activity.externalId}.mp3`;
    const callKind = kind === "bitrix24" ? "bitrix_call_record" : activity.direction === "in" ? "amocrm_note_call_in" : "amocrm_note_call_out";
    return { ...withBody(body), externalId: `${kind === "bitrix24" ? "call" : "lead-note"}:${activity.externalId}`, kind: callKind, recordingUrl, durationSeconds: activity.durationSeconds };
  }
  return null;
}

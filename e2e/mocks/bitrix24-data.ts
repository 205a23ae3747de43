// The mock Bitrix24 portal's data: directories (users, departments, funnels, stages, sources)
// and generated CRM rows in the wire format of docs/bitrix24-wire.md (IDs and
// amounts as strings, dates with the portal's +03:00 offset). Deterministic for a seed.
import { LazyTable } from "./lazy-table";
import { hashRandom, pick } from "./random";

export type Row = Record<string, unknown>;
export type Bitrix24DatasetOptions = {
  seed?: number;
  deals?: number;
  leadsPerDeal?: number;
  contactsPerDeal?: number;
  companiesPerDeal?: number;
  activitiesPerDeal?: number;
};

export const B24_T0 = Date.parse("2025-01-01T00:00:00+03:00");
const SPAN_MS = 365 * 86_400_000;
const OFFSET = "+03:00";

/** "2025-03-14T16:05:11+03:00": the portal's zone, as Bitrix24 writes dates. */
export function b24Date(ms: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + 3 * 3_600_000);
  return `${local.toISOString().slice(0, 19)}${OFFSET}`;
}

export const B24_USERS: Row[] = [
  ["1", "Айгерим", "Садыкова", true, [1]],
  ["2", "Данияр", "Ахметов", true, [2]],
  ["3", "Мария", "Иванова", true, [2]],
  ["4", "Ерлан", "Нурланов", true, [2]],
  ["5", "Ольга", "Петрова", true, [3]],
  ["6", "Тимур", "Беков", true, [3]],
  ["7", "Сергей", "Ким", false, [3]], // dismissed, still owns old deals
  ["8", "Алия", "Жумабаева", true, [3]],
].map(([ID, NAME, LAST_NAME, ACTIVE, UF_DEPARTMENT]) => ({
  ID, ACTIVE, NAME, LAST_NAME, SECOND_NAME: "", EMAIL: `user${ID}@example.kz`, LAST_LOGIN: "2025-12-01T09:00:00+03:00",
  DATE_REGISTER: "2024-07-15T00:00:00+03:00", TIME_ZONE: "", IS_ONLINE: "N", PERSONAL_GENDER: "", WORK_POSITION: "Менеджер",
  UF_EMPLOYMENT_DATE: "", UF_DEPARTMENT, USER_TYPE: "employee",
}));

export const B24_DEPARTMENTS: Row[] = [
  { ID: "1", NAME: "Компания", SORT: 500, UF_HEAD: "1" },
  { ID: "2", NAME: "Отдел продаж Алматы", SORT: 500, PARENT: "1", UF_HEAD: "2" },
  { ID: "3", NAME: "Отдел продаж Астана", SORT: 500, PARENT: "1", UF_HEAD: "5" },
];

export const B24_CATEGORIES: Row[] = [
  { id: 1, name: "Повторные продажи", sort: 200, entityTypeId: 2, isDefault: "N", originId: "", originatorId: "" },
  { id: 0, name: "Общая", sort: 300, entityTypeId: 2, isDefault: "Y" },
];

type Stage = { id: string; name: string; semantic: "P" | "S" | "F" };
export const B24_DEAL_STAGES: Record<number, Stage[]> = {
  0: [
    { id: "NEW", name: "Новая", semantic: "P" },
    { id: "PREPARATION", name: "Подготовка документов", semantic: "P" },
    { id: "EXECUTING", name: "В работе", semantic: "P" },
    { id: "WON", name: "Сделка успешна", semantic: "S" },
    { id: "LOSE", name: "Сделка провалена", semantic: "F" },
    { id: "APOLOGY", name: "Анализ причины провала", semantic: "F" },
  ],
  1: [
    { id: "C1:NEW", name: "Новая", semantic: "P" },
    { id: "C1:PREPARATION", name: "Подготовка", semantic: "P" },
    { id: "C1:WON", name: "Успешно", semantic: "S" },
    { id: "C1:LOSE", name: "Провал", semantic: "F" },
  ],
};
export const B24_LEAD_STATUSES: Stage[] = [
  { id: "NEW", name: "Не обработан", semantic: "P" },
  { id: "IN_PROCESS", name: "В работе", semantic: "P" },
  { id: "PROCESSED", name: "Обработан", semantic: "P" },
  { id: "CONVERTED", name: "Качественный лид", semantic: "S" },
  { id: "JUNK", name: "Некачественный лид", semantic: "F" },
];
export const B24_SOURCES = [
  { id: "CALL", name: "Звонок" },
  { id: "WEB", name: "Веб-сайт" },
  { id: "EMAIL", name: "Электронная почта" },
  { id: "ADVERTISING", name: "Реклама" },
  { id: "UC_INSTAGRAM", name: "Instagram" },
];

/** crm.status.list rows for every directory the mock knows. */
export function b24StatusRows(): Row[] {
  const rows: Row[] = [];
  let id = 100;
  const semantic = (s: Stage) => (s.semantic === "P" ? null : s.semantic);
  const extra = (s: Stage) => ({ SEMANTICS: s.semantic === "S" ? "success" : s.semantic === "F" ? (s.id.endsWith("APOLOGY") ? "apology" : "failure") : "process", COLOR: "#39A8EF" });
  for (const [category, stages] of Object.entries(B24_DEAL_STAGES)) {
    stages.forEach((s, index) =>
      rows.push({
        ID: String(++id), ENTITY_ID: category === "0" ? "DEAL_STAGE" : `DEAL_STAGE_${category}`, STATUS_ID: s.id, NAME: s.name, NAME_INIT: s.name,
        SORT: String((index + 1) * 10), SYSTEM: "N", CATEGORY_ID: category === "0" ? null : category, COLOR: "#39A8EF", SEMANTICS: semantic(s), EXTRA: extra(s),
      }),
    );
  }
  B24_LEAD_STATUSES.forEach((s, index) =>
    rows.push({ ID: String(++id), ENTITY_ID: "STATUS", STATUS_ID: s.id, NAME: s.name, NAME_INIT: s.name, SORT: String((index + 1) * 10), SYSTEM: "Y", CATEGORY_ID: null, SEMANTICS: semantic(s), EXTRA: extra(s) }),
  );
  B24_SOURCES.forEach((s, index) =>
    rows.push({ ID: String(++id), ENTITY_ID: "SOURCE", STATUS_ID: s.id, NAME: s.name, NAME_INIT: s.name, SORT: String((index + 1) * 10), SYSTEM: "N", CATEGORY_ID: null, SEMANTICS: null, EXTRA: [] }),
  );
  return rows;
}

const SALT = { deal: 1, lead: 2, contact: 3, company: 4, activity: 5 };
const FIRST = ["Асель", "Иван", "Дана", "Руслан", "Анна", "Марат", "Елена", "Нурлан"];
const LAST = ["Ахметова", "Смирнов", "Ким", "Исаев", "Ли", "Оспанов", "Попова", "Сеитов"];
const UTM = [
  { UTM_SOURCE: "google", UTM_MEDIUM: "cpc" },
  { UTM_SOURCE: "yandex", UTM_MEDIUM: "cpc" },
  { UTM_SOURCE: "instagram", UTM_MEDIUM: "social" },
  { UTM_SOURCE: "facebook", UTM_MEDIUM: "social" },
];
const CAMPAIGNS = ["spring_sale", "brand", "retargeting"];

export type Bitrix24Tables = ReturnType<typeof createBitrix24Tables>;

export function createBitrix24Tables(options: Bitrix24DatasetOptions = {}) {
  const seed = options.seed ?? 1;
  const deals = options.deals ?? 100;
  const leads = Math.round(deals * (options.leadsPerDeal ?? 0.5));
  const contacts = Math.max(deals > 0 ? 1 : 0, Math.round(deals * (options.contactsPerDeal ?? 0.5)));
  const companies = Math.max(deals > 0 ? 1 : 0, Math.round(deals * (options.companiesPerDeal ?? 0.1)));
  const activitiesPerDeal = options.activitiesPerDeal ?? 2;
  const spacing = (count: number) => SPAN_MS / Math.max(1, count);
  const createdAt = (count: number, i: number) => Math.floor((B24_T0 + (i - 1) * spacing(count)) / 1000) * 1000;
  const modifiedAt = (count: number, i: number) => Math.floor((B24_T0 + (i - 0.5) * spacing(count)) / 1000) * 1000;
  const r = (salt: number, i: number) => (k: number) => hashRandom(seed, salt, i, k);
  const byDateModify = (row: Row) => Date.parse(String(row.DATE_MODIFY));

  const dealStage = (i: number) => {
    const rand = r(SALT.deal, i);
    const category = rand(0) < 0.8 ? 0 : 1;
    const stages = B24_DEAL_STAGES[category];
    const x = rand(1);
    const won = stages.find((s) => s.semantic === "S")!;
    const lost = stages.filter((s) => s.semantic === "F");
    const open = stages.filter((s) => s.semantic === "P");
    const stage = x < 0.35 ? won : x < 0.55 ? pick(lost, rand(10)) : pick(open, rand(11));
    return { category, stage, first: stages[0] };
  };
  const dealMovedAt = (i: number) => createdAt(deals, i) + Math.floor(spacing(deals) * 0.3 / 1000) * 1000;
  const isConvertedLead = (j: number) => j % 3 === 0 && j <= deals;

  const deal = new LazyTable<Row>(deals, (i) => {
    const rand = r(SALT.deal, i);
    const { category, stage, first } = dealStage(i);
    const created = createdAt(deals, i);
    const moved = stage.id === first.id ? created : dealMovedAt(i);
    const utm = rand(7) < 0.6 ? { ...pick(UTM, rand(8)), UTM_CAMPAIGN: pick(CAMPAIGNS, rand(9)) } : { UTM_SOURCE: null, UTM_MEDIUM: null, UTM_CAMPAIGN: null };
    const cents = rand(12) < 0.2 ? Math.floor(rand(13) * 100) : 0;
    const assigned = String(1 + Math.floor(rand(4) * 8));
    return {
      ID: String(i), TITLE: `Сделка #${i}`, TYPE_ID: "SALE", CATEGORY_ID: String(category), STAGE_ID: stage.id, STAGE_SEMANTIC_ID: stage.semantic,
      IS_NEW: stage.id === first.id ? "Y" : "N", IS_RECURRING: "N", IS_RETURN_CUSTOMER: "N", IS_REPEATED_APPROACH: "N", PROBABILITY: null,
      CURRENCY_ID: rand(3) < 0.7 ? "KZT" : rand(3) < 0.9 ? "RUB" : "USD",
      OPPORTUNITY: `${5000 + Math.floor(rand(2) * 995_000)}.${String(cents).padStart(2, "0")}`, IS_MANUAL_OPPORTUNITY: "Y", TAX_VALUE: "0.00",
      LEAD_ID: i <= leads && isConvertedLead(i) ? String(i) : null,
      COMPANY_ID: rand(5) < 0.3 ? String(1 + ((i - 1) % companies)) : null,
      CONTACT_ID: contacts > 0 ? String(1 + ((i - 1) % contacts)) : null, QUOTE_ID: null,
      BEGINDATE: b24Date(Math.floor(created / 86_400_000) * 86_400_000 - 3 * 3_600_000),
      CLOSEDATE: b24Date(Math.floor(created / 86_400_000) * 86_400_000 - 3 * 3_600_000 + 30 * 86_400_000),
      ASSIGNED_BY_ID: assigned, CREATED_BY_ID: assigned, MODIFY_BY_ID: assigned,
      DATE_CREATE: b24Date(created), DATE_MODIFY: b24Date(modifiedAt(deals, i)), OPENED: "Y", CLOSED: stage.semantic === "P" ? "N" : "Y",
      COMMENTS: null, ADDITIONAL_INFO: null, LOCATION_ID: null, SOURCE_ID: pick(B24_SOURCES, rand(6)).id, SOURCE_DESCRIPTION: null,
      ORIGINATOR_ID: null, ORIGIN_ID: null, MOVED_BY_ID: assigned, MOVED_TIME: b24Date(moved),
      LAST_ACTIVITY_TIME: b24Date(created), LAST_ACTIVITY_BY: assigned, UTM_CONTENT: null, UTM_TERM: null, ...utm,
    };
  }, (i) => modifiedAt(deals, i), byDateModify);

  // Two rows per deal: created in the funnel's first stage (TYPE_ID 1), then the move to the
  // current stage (2, or 3 for a final stage); deals still in the first stage have one row.
  const dealHistory = new LazyTable<Row>(deals * 2, (h) => {
    const i = Math.ceil(h / 2);
    const { category, stage, first } = dealStage(i);
    const isMove = h % 2 === 0;
    if (isMove && stage.id === first.id) return null;
    const s = isMove ? stage : first;
    return {
      ID: String(h), TYPE_ID: isMove ? (s.semantic === "P" ? "2" : "3") : "1", OWNER_ID: String(i),
      CREATED_TIME: b24Date(isMove ? dealMovedAt(i) : createdAt(deals, i)), CATEGORY_ID: String(category), STAGE_SEMANTIC_ID: s.semantic, STAGE_ID: s.id,
    };
  }, (h) => (h % 2 === 0 ? dealMovedAt(Math.ceil(h / 2)) : createdAt(deals, Math.ceil(h / 2))), (row) => Date.parse(String(row.CREATED_TIME)));

  const leadStatus = (j: number) => {
    const rand = r(SALT.lead, j);
    if (isConvertedLead(j)) return B24_LEAD_STATUSES[3];
    return rand(1) < 0.25 ? B24_LEAD_STATUSES[4] : pick(B24_LEAD_STATUSES.slice(0, 3), rand(2));
  };
  const leadMovedAt = (j: number) => createdAt(leads, j) + Math.floor(spacing(leads) * 0.3 / 1000) * 1000;
  const lead = new LazyTable<Row>(leads, (j) => {
    const rand = r(SALT.lead, j);
    const status = leadStatus(j);
    const created = createdAt(leads, j);
    const utm = rand(7) < 0.6 ? { ...pick(UTM, rand(8)), UTM_CAMPAIGN: pick(CAMPAIGNS, rand(9)) } : { UTM_SOURCE: null, UTM_MEDIUM: null, UTM_CAMPAIGN: null };
    const assigned = String(1 + Math.floor(rand(4) * 8));
    return {
      ID: String(j), TITLE: `Лид #${j}`, NAME: pick(FIRST, rand(5)), LAST_NAME: pick(LAST, rand(6)), COMPANY_ID: "0",
      CONTACT_ID: status.id === "CONVERTED" && contacts > 0 ? String(1 + ((j - 1) % contacts)) : null, IS_RETURN_CUSTOMER: "N", BIRTHDATE: "",
      SOURCE_ID: pick(B24_SOURCES, rand(3)).id, STATUS_ID: status.id, STATUS_SEMANTIC_ID: status.semantic, STATUS_DESCRIPTION: null,
      CURRENCY_ID: "KZT", OPPORTUNITY: `${Math.floor(rand(10) * 500_000)}.00`, IS_MANUAL_OPPORTUNITY: "N", HAS_PHONE: "Y", HAS_EMAIL: "N", HAS_IMOL: "N",
      ASSIGNED_BY_ID: assigned, CREATED_BY_ID: assigned, MODIFY_BY_ID: assigned, DATE_CREATE: b24Date(created), DATE_MODIFY: b24Date(modifiedAt(leads, j)),
      DATE_CLOSED: status.semantic === "P" ? "" : b24Date(leadMovedAt(j)), OPENED: "Y", MOVED_BY_ID: assigned,
      MOVED_TIME: b24Date(status.id === "NEW" ? created : leadMovedAt(j)), UTM_CONTENT: null, UTM_TERM: null, ...utm,
      LAST_ACTIVITY_BY: assigned, LAST_ACTIVITY_TIME: b24Date(created),
      PHONE: [{ ID: String(100_000 + j), VALUE_TYPE: "WORK", VALUE: phone(seed, SALT.lead, j), TYPE_ID: "PHONE" }],
    };
  }, (j) => modifiedAt(leads, j), byDateModify);

  const leadHistory = new LazyTable<Row>(leads * 2, (h) => {
    const j = Math.ceil(h / 2);
    const status = leadStatus(j);
    const isMove = h % 2 === 0;
    if (isMove && status.id === "NEW") return null;
    const s = isMove ? status : B24_LEAD_STATUSES[0];
    return {
      ID: String(h), TYPE_ID: isMove ? (s.semantic === "P" ? "2" : "3") : "1", OWNER_ID: String(j),
      CREATED_TIME: b24Date(isMove ? leadMovedAt(j) : createdAt(leads, j)), STATUS_SEMANTIC_ID: s.semantic, STATUS_ID: s.id,
    };
  }, (h) => (h % 2 === 0 ? leadMovedAt(Math.ceil(h / 2)) : createdAt(leads, Math.ceil(h / 2))), (row) => Date.parse(String(row.CREATED_TIME)));

  const contact = new LazyTable<Row>(contacts, (c) => {
    const rand = r(SALT.contact, c);
    const assigned = String(1 + Math.floor(rand(4) * 8));
    return {
      ID: String(c), NAME: pick(FIRST, rand(1)), LAST_NAME: pick(LAST, rand(2)), SECOND_NAME: null, TYPE_ID: "CLIENT", SOURCE_ID: pick(B24_SOURCES, rand(3)).id,
      COMPANY_ID: rand(5) < 0.3 && companies > 0 ? String(1 + ((c - 1) % companies)) : null, LEAD_ID: null, EXPORT: "Y", OPENED: "Y",
      ASSIGNED_BY_ID: assigned, CREATED_BY_ID: assigned, MODIFY_BY_ID: assigned, HAS_PHONE: "Y", HAS_EMAIL: "Y",
      DATE_CREATE: b24Date(createdAt(contacts, c)), DATE_MODIFY: b24Date(modifiedAt(contacts, c)), UTM_SOURCE: null, UTM_MEDIUM: null, UTM_CAMPAIGN: null,
      PHONE: [{ ID: String(200_000 + c), VALUE_TYPE: "MOBILE", VALUE: phone(seed, SALT.contact, c), TYPE_ID: "PHONE" }],
      EMAIL: [{ ID: String(300_000 + c), VALUE_TYPE: "WORK", VALUE: `client${c}@example.kz`, TYPE_ID: "EMAIL" }],
    };
  }, (c) => modifiedAt(contacts, c), byDateModify);

  const company = new LazyTable<Row>(companies, (c) => {
    const rand = r(SALT.company, c);
    const assigned = String(1 + Math.floor(rand(4) * 8));
    return {
      ID: String(c), TITLE: `ТОО «Компания ${c}»`, COMPANY_TYPE: "CUSTOMER", INDUSTRY: "IT", ASSIGNED_BY_ID: assigned, CREATED_BY_ID: assigned, MODIFY_BY_ID: assigned,
      DATE_CREATE: b24Date(createdAt(companies, c)), DATE_MODIFY: b24Date(modifiedAt(companies, c)), OPENED: "Y", HAS_PHONE: "Y", HAS_EMAIL: "N",
      PHONE: [{ ID: String(400_000 + c), VALUE_TYPE: "WORK", VALUE: phone(seed, SALT.company, c), TYPE_ID: "PHONE" }],
    };
  }, (c) => modifiedAt(companies, c), byDateModify);

  const activityCount = deals * activitiesPerDeal;
  const activityTimes = (a: number) => {
    const i = Math.ceil(a / activitiesPerDeal);
    const k = (a - 1) % activitiesPerDeal;
    const start = createdAt(deals, i) + Math.floor((spacing(deals) * (0.4 + (0.5 * k) / activitiesPerDeal)) / 1000) * 1000;
    return { i, start };
  };
  const activity = new LazyTable<Row>(activityCount, (a) => {
    const rand = r(SALT.activity, a);
    const { i, start } = activityTimes(a);
    const owner = deal.get(i) ?? { ASSIGNED_BY_ID: "1" };
    const kind = rand(1) < 0.5 ? 2 : rand(1) < 0.7 ? 4 : rand(1) < 0.85 ? 1 : 3;
    const provider = { 1: "CRM_MEETING", 2: "VOXIMPLANT_CALL", 3: "CRM_TASKS_TASK", 4: "CRM_EMAIL" }[kind]!;
    const duration = kind === 2 ? 30 + Math.floor(rand(2) * 870) : 3600;
    const completed = rand(3) < 0.7;
    return {
      ID: String(a), OWNER_ID: String(i), OWNER_TYPE_ID: "2", TYPE_ID: String(kind), PROVIDER_ID: provider, PROVIDER_TYPE_ID: kind === 2 ? "CALL" : null,
      PROVIDER_GROUP_ID: null, ASSOCIATED_ENTITY_ID: "0", SUBJECT: kind === 2 ? "Исходящий звонок" : kind === 4 ? "Письмо клиенту" : kind === 1 ? "Встреча" : "Задача",
      CREATED: b24Date(start), LAST_UPDATED: b24Date(start), START_TIME: b24Date(start), END_TIME: b24Date(start + duration * 1000), DEADLINE: b24Date(start),
      COMPLETED: completed ? "Y" : "N", STATUS: completed ? "2" : "1", RESPONSIBLE_ID: String(owner.ASSIGNED_BY_ID), PRIORITY: "2", NOTIFY_TYPE: "1", NOTIFY_VALUE: "15",
      ...activityDescription(kind, a, rand(6)), DIRECTION: kind === 2 || kind === 4 ? (rand(4) < 0.5 ? "1" : "2") : "0", LOCATION: "", SETTINGS: [],
      ORIGINATOR_ID: null, ORIGIN_ID: null, AUTHOR_ID: String(owner.ASSIGNED_BY_ID), EDITOR_ID: String(owner.ASSIGNED_BY_ID), PROVIDER_PARAMS: [], PROVIDER_DATA: null,
    };
  }, (a) => activityTimes(a).start, (row) => Date.parse(String(row.LAST_UPDATED)));

  // voximplant.statistic.get: one record per call activity, talk time in CALL_DURATION (docs/bitrix24-wire.md, "Contacts, companies, activities, users").
  const callStats = new LazyTable<Row>(activityCount, (a) => {
    const row = activity.get(a);
    if (!row || row.TYPE_ID !== "2") return null;
    const duration = (Date.parse(String(row.END_TIME)) - Date.parse(String(row.START_TIME))) / 1000;
    return {
      ID: String(a), CALL_ID: `externalCall.${a}`, CALL_TYPE: row.DIRECTION === "1" ? "2" : "1", CALL_DURATION: String(duration), CALL_START_DATE: row.START_TIME,
      CALL_FAILED_CODE: "200", CRM_ACTIVITY_ID: String(a), PORTAL_USER_ID: row.RESPONSIBLE_ID,
      // Never a deal (docs/bitrix24-wire.md): the deal is reached through CRM_ACTIVITY_ID.
      CRM_ENTITY_TYPE: "CONTACT", CRM_ENTITY_ID: deal.get(Number(row.OWNER_ID))?.CONTACT_ID ?? null,
      // Two calls in three were recorded: a link to the record (never the audio) and its Disk file id.
      CALL_RECORD_URL: a % 3 === 0 ? "" : `https://mock.bitrix24.kz/disk/showFile/${900_000 + a}/?&ncc=1&ts=1&filename=call_${a}.mp3`,
      RECORD_FILE_ID: a % 3 === 0 ? null : 900_000 + a, TRANSCRIPT_ID: null,
    };
  }, (a) => activityTimes(a).start, (row) => Date.parse(String(row.CALL_START_DATE)));

  // crm.timeline.comment.list: one comment on every deal whose number is even, BB-code as Bitrix24 writes it (integrations-2.md, "Bitrix24 comments").
  const commentTime = (c: number) => createdAt(deals, c * 2) + Math.floor(spacing(deals) * 0.6 / 1000) * 1000;
  const timelineComment = new LazyTable<Row>(Math.floor(deals / 2), (c) => {
    const owner = deal.get(c * 2) ?? { ASSIGNED_BY_ID: "1" };
    return {
      ID: String(c), ENTITY_ID: String(c * 2), ENTITY_TYPE: "deal", CREATED: b24Date(commentTime(c)), AUTHOR_ID: String(owner.ASSIGNED_BY_ID),
      COMMENT: COMMENTS[c % COMMENTS.length], FILES: [],
    };
  }, commentTime, (row) => Date.parse(String(row.CREATED)));

  return { deal, lead, contact, company, activity, dealHistory, leadHistory, callStats, timelineComment };
}

const COMMENTS = [
  "[B]Клиент[/B] сравнивает с конкурентом, просит скидку 10%",
  "Перезвонить после праздников, бюджет ещё не утверждён",
  "Customer asked for the [URL=https://example.kz/offer]updated offer[/URL], sent it",
  "Договорились о встрече в офисе[BR]Нужен директор",
];

/** E-mails and meetings carry a description (HTML e-mail, plain meeting notes); calls and tasks mostly none. */
function activityDescription(kind: number, a: number, x: number): Row {
  if (kind === 4) return { DESCRIPTION: `<p>Здравствуйте!</p><p>Цена для нас <b>дороговата</b>, письмо №${a}.</p>`, DESCRIPTION_TYPE: "3" };
  if (kind === 1) return { DESCRIPTION: `Встреча №${a}: обсудили сроки поставки`, DESCRIPTION_TYPE: "1" };
  if (kind === 2 && x < 0.3) return { DESCRIPTION: `Звонок №${a}: клиент думает`, DESCRIPTION_TYPE: "1" };
  return { DESCRIPTION: "", DESCRIPTION_TYPE: "1" };
}

function phone(seed: number, salt: number, i: number): string {
  return `+7701${String(Math.floor(hashRandom(seed, salt + 50, i) * 10_000_000)).padStart(7, "0")}`;
}

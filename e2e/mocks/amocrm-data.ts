// The mock amoCRM account's data in API v4 wire format (docs/amocrm-wire.md):
// unix-second times, integer ids (large, as in real accounts), UTM tracking fields whose ids
// differ per account (found by `field_code`), pipelines with 142/143, deterministic for a seed.
import { LazyTable } from "./lazy-table";
import { hashRandom, pick } from "./random";

export type AmoRow = Record<string, unknown>;
export type AmoDatasetOptions = { seed?: number; leads?: number; contactsPerLead?: number; companiesPerLead?: number };

export const AMO_T0 = Date.parse("2025-01-01T00:00:00+05:00") / 1000;
const SPAN_S = 365 * 86_400;
export const AMO_ACCOUNT_ID = 29978305;
/** Wire id = offset + table id, so ids look like real ones and never collide across entities. */
export const AMO_ID_OFFSET = { lead: 30_000_000, contact: 40_000_000, company: 50_000_000, task: 60_000_000, note: 70_000_000, contactNote: 71_000_000, companyNote: 72_000_000 } as const;

export const AMO_GROUPS = [
  { id: 0, name: "Отдел продаж", uuid: null },
  { id: 382786, name: "Алматы", uuid: null },
  { id: 382787, name: "Астана", uuid: null },
];
export const AMO_USERS = [
  [7902110, "Асель Нурланова", 382786, true],
  [7902111, "Игорь Смирнов", 382786, true],
  [7902112, "Дина Ким", 382786, true],
  [7902113, "Бауыржан Сеитов", 382787, true],
  [7902114, "Ольга Ли", 382787, false], // left the company, still owns old leads
  [7902115, "Администратор", 0, true],
].map(([id, name, groupId, isActive]) => ({
  id, name, email: `user${id}@example.kz`, lang: "ru",
  rights: {
    leads: { view: "A", edit: "A", add: "A", delete: "A", export: "A" }, contacts: { view: "A", edit: "A", add: "A", delete: "A", export: "A" },
    companies: { view: "A", edit: "A", add: "A", delete: "A", export: "A" }, tasks: { edit: "A", delete: "A" }, mail_access: false, catalog_access: false,
    status_rights: [], is_admin: id === 7902115, is_free: false, is_active: isActive, group_id: groupId === 0 ? null : groupId, role_id: null,
  },
  _embedded: { roles: [], groups: groupId === 0 ? [] : [AMO_GROUPS.find((g) => g.id === groupId)] },
}));
const MANAGERS = AMO_USERS.slice(0, 5).map((u) => u.id as number);

type Status = { id: number; name: string; sort: number; type: 0 | 1; is_editable: boolean; color: string };
export const AMO_PIPELINES: { id: number; name: string; sort: number; is_main: boolean; statuses: Status[] }[] = [
  {
    id: 5204152, name: "Воронка", sort: 1, is_main: true,
    statuses: [
      { id: 47873530, name: "Неразобранное", sort: 10, type: 1, is_editable: false, color: "#c1c1c1" },
      { id: 47873533, name: "Первичный контакт", sort: 20, type: 0, is_editable: true, color: "#99ccff" },
      { id: 47873536, name: "Переговоры", sort: 30, type: 0, is_editable: true, color: "#ffff99" },
      { id: 47873539, name: "Принимают решение", sort: 40, type: 0, is_editable: true, color: "#ffcc66" },
      { id: 142, name: "Успешно реализовано", sort: 10000, type: 0, is_editable: false, color: "#CCFF66" },
      { id: 143, name: "Закрыто и не реализовано", sort: 11000, type: 0, is_editable: false, color: "#D5D8DB" },
    ],
  },
  {
    id: 5389528, name: "Повторные продажи", sort: 2, is_main: false,
    statuses: [
      { id: 47888830, name: "Неразобранное", sort: 10, type: 1, is_editable: false, color: "#c1c1c1" },
      { id: 47888833, name: "Новый заказ", sort: 20, type: 0, is_editable: true, color: "#99ccff" },
      { id: 47888836, name: "Счёт выставлен", sort: 30, type: 0, is_editable: true, color: "#ffcc66" },
      { id: 142, name: "Успешно реализовано", sort: 10000, type: 0, is_editable: false, color: "#CCFF66" },
      { id: 143, name: "Закрыто и не реализовано", sort: 11000, type: 0, is_editable: false, color: "#D5D8DB" },
    ],
  },
];

/** Account-specific field ids: amoCRM numbers fields per account, only `code` is stable (docs/amocrm-wire.md, "Custom fields and UTM tags"). */
export function amoCustomFields(seed: number) {
  const base = 24_800 + (seed % 97) * 1000;
  const tracking = ["UTM_SOURCE", "UTM_MEDIUM", "UTM_CAMPAIGN", "UTM_CONTENT", "UTM_TERM", "UTM_REFERRER", "GCLID", "YCLID"].map((code, index) => ({
    id: base + index * 2 + 1, name: code.toLowerCase(), code, sort: 500 + index, type: "tracking_data", entity_type: "leads", is_predefined: true,
    is_deletable: false, is_api_only: false, group_id: null, required_statuses: [], enums: null,
  }));
  // An account that also keeps UTM tags in text fields of its own (no code), as many do: the field
  // mapping chooses them by name (docs/connectors.md, "amoCRM field mapping").
  const ownText = [
    { id: base + 510, name: "utm_source (старое поле)", code: null, sort: 20, type: "text", entity_type: "leads", is_predefined: false, is_deletable: true, is_api_only: false, group_id: null, required_statuses: [], enums: null },
    { id: base + 512, name: "Дата звонка", code: null, sort: 30, type: "date", entity_type: "leads", is_predefined: false, is_deletable: true, is_api_only: false, group_id: null, required_statuses: [], enums: null },
  ];
  // Fields an admin made for Voronka's conclusions (write-back, docs/write-back.md).
  const forVoronka = (entity: string, rows: [number, string, string][]) =>
    rows.map(([offset, name, type], index) => ({ id: base + offset, name, code: null, sort: 40 + index, type, entity_type: entity, is_predefined: false, is_deletable: true, is_api_only: false, group_id: null, required_statuses: [], enums: null }));
  const leads = [...tracking, ...ownText, ...forVoronka("leads", [[520, "Трафик-команда", "text"], [522, "Уверенность атрибуции", "text"]]), { id: base + 500, name: "Тип клиента", code: null, sort: 10, type: "select", entity_type: "leads", is_predefined: false, is_deletable: true, is_api_only: false, group_id: null, required_statuses: [], enums: [{ id: base + 501, value: "b2b", sort: 1 }, { id: base + 502, value: "b2c", sort: 2 }] }];
  const contacts = [
    { id: base + 600, name: "Телефон", code: "PHONE", sort: 4, type: "multitext", entity_type: "contacts", is_predefined: true, is_deletable: false, is_api_only: false, group_id: null, required_statuses: [], enums: [{ id: base + 601, value: "WORK", sort: 2 }, { id: base + 602, value: "MOB", sort: 6 }] },
    { id: base + 610, name: "Email", code: "EMAIL", sort: 6, type: "multitext", entity_type: "contacts", is_predefined: true, is_deletable: false, is_api_only: false, group_id: null, required_statuses: [], enums: [{ id: base + 611, value: "WORK", sort: 2 }] },
    ...forVoronka("contacts", [[620, "Категория клиента", "text"], [622, "LTV клиента", "numeric"]]),
  ];
  return { leads, contacts, companies: contacts.map((f) => ({ ...f, id: f.id + 50, entity_type: "companies" })) };
}

const UTM = [
  { UTM_SOURCE: "google", UTM_MEDIUM: "cpc" },
  { UTM_SOURCE: "yandex", UTM_MEDIUM: "cpc" },
  { UTM_SOURCE: "instagram", UTM_MEDIUM: "social" },
];
const CAMPAIGNS = ["spring_sale", "brand", "retargeting"];
const NAMES = ["Асель Ахметова", "Иван Смирнов", "Дана Ким", "Руслан Исаев", "Анна Ли", "Марат Оспанов"];
const SALT = { lead: 11, contact: 12, company: 13, task: 14, note: 15, event: 16 };

export type AmoTables = ReturnType<typeof createAmoTables>;

export function createAmoTables(baseUrl: () => string, options: AmoDatasetOptions = {}) {
  const seed = options.seed ?? 1;
  const leadCount = options.leads ?? 100;
  const contactCount = Math.max(leadCount > 0 ? 1 : 0, Math.round(leadCount * (options.contactsPerLead ?? 0.5)));
  const companyCount = Math.max(leadCount > 0 ? 1 : 0, Math.round(leadCount * (options.companiesPerLead ?? 0.1)));
  const fields = amoCustomFields(seed);
  const utmField = (code: string) => fields.leads.find((f) => f.code === code)!;
  const spacing = (count: number) => SPAN_S / Math.max(1, count);
  const createdAt = (count: number, i: number) => Math.floor(AMO_T0 + (i - 1) * spacing(count));
  const at = (count: number, i: number, share: number) => Math.floor(AMO_T0 + (i - 1 + share) * spacing(count));
  const r = (salt: number, i: number) => (k: number) => hashRandom(seed, salt, i, k);
  const link = (path: string) => ({ self: { href: `${baseUrl()}${path}` } });
  const byUpdated = (row: AmoRow) => Number(row.updated_at) * 1000;

  const leadPlan = (i: number) => {
    const rand = r(SALT.lead, i);
    const pipeline = rand(0) < 0.75 ? AMO_PIPELINES[0] : AMO_PIPELINES[1];
    const first = pipeline.statuses[1];
    const x = rand(1);
    const open = pipeline.statuses.filter((s) => s.type === 0 && s.id !== 142 && s.id !== 143);
    const status = x < 0.35 ? 142 : x < 0.55 ? 143 : pick(open, rand(2)).id;
    return { pipeline, first, status, isMoved: status !== first.id, responsible: pick(MANAGERS, rand(3)) };
  };

  const lead = new LazyTable<AmoRow>(leadCount, (i) => {
    const rand = r(SALT.lead, i);
    const plan = leadPlan(i);
    const id = AMO_ID_OFFSET.lead + i;
    const movedAt = at(leadCount, i, 0.3);
    const utm = rand(7) < 0.6 ? { ...pick(UTM, rand(8)), UTM_CAMPAIGN: pick(CAMPAIGNS, rand(9)) } : undefined;
    const user = AMO_USERS.find((u) => u.id === plan.responsible)!;
    return {
      id, name: `Сделка #${i}`, price: 5000 + Math.floor(rand(4) * 995_000), responsible_user_id: plan.responsible, group_id: user.rights.group_id ?? 0,
      status_id: plan.status, pipeline_id: plan.pipeline.id, loss_reason_id: plan.status === 143 ? 4203748 : null,
      created_by: rand(5) < 0.3 ? 0 : plan.responsible, updated_by: plan.responsible, created_at: createdAt(leadCount, i), updated_at: at(leadCount, i, 0.5),
      closed_at: plan.status === 142 || plan.status === 143 ? movedAt : null, closest_task_at: null, is_deleted: false,
      custom_fields_values: utm
        ? Object.entries(utm).map(([code, value]) => ({ field_id: utmField(code).id, field_name: code.toLowerCase(), field_code: code, field_type: "tracking_data", values: [{ value }] }))
        : null,
      score: null, account_id: AMO_ACCOUNT_ID, labor_cost: null, _links: link(`/api/v4/leads/${id}`),
      _embedded: {
        tags: rand(10) < 0.2 ? [{ id: 100667, name: "сайт", color: null }] : [],
        companies: rand(6) < 0.3 && companyCount > 0 ? [{ id: AMO_ID_OFFSET.company + 1 + ((i - 1) % companyCount), _links: link(`/api/v4/companies/${AMO_ID_OFFSET.company + 1 + ((i - 1) % companyCount)}`) }] : [],
        contacts: contactCount > 0 ? [{ id: AMO_ID_OFFSET.contact + 1 + ((i - 1) % contactCount), is_main: true, _links: link(`/api/v4/contacts/${AMO_ID_OFFSET.contact + 1 + ((i - 1) % contactCount)}`) }] : [],
      },
    };
  }, (i) => at(leadCount, i, 0.5) * 1000, byUpdated);

  const contactLike = (kind: "contact" | "company", count: number) =>
    new LazyTable<AmoRow>(count, (c) => {
      const rand = r(kind === "contact" ? SALT.contact : SALT.company, c);
      const id = AMO_ID_OFFSET[kind] + c;
      const name = kind === "contact" ? pick(NAMES, rand(1)) : `ТОО «Компания ${c}»`;
      const [first_name, last_name] = kind === "contact" ? name.split(" ") : [undefined, undefined];
      const list = kind === "contact" ? fields.contacts : fields.companies;
      const responsible = pick(MANAGERS, rand(3));
      return {
        id, name, ...(kind === "contact" ? { first_name, last_name } : {}), responsible_user_id: responsible, group_id: 0, created_by: responsible, updated_by: responsible,
        created_at: createdAt(count, c), updated_at: at(count, c, 0.5), closest_task_at: null, is_deleted: false,
        custom_fields_values: [
          { field_id: list[0].id, field_name: list[0].name, field_code: "PHONE", field_type: "multitext", values: [{ value: `+7701${String(Math.floor(rand(4) * 1e7)).padStart(7, "0")}`, enum_id: list[0].enums![1].id, enum_code: "MOB" }] },
          { field_id: list[1].id, field_name: list[1].name, field_code: "EMAIL", field_type: "multitext", values: [{ value: `${kind}${c}@example.kz`, enum_id: list[1].enums![0].id, enum_code: "WORK" }] },
        ],
        account_id: AMO_ACCOUNT_ID, _links: link(`/api/v4/${kind === "contact" ? "contacts" : "companies"}/${id}`), _embedded: { tags: [], companies: [] },
      };
    }, (c) => at(count, c, 0.5) * 1000, byUpdated);

  const task = new LazyTable<AmoRow>(leadCount, (i) => {
    const rand = r(SALT.task, i);
    const plan = leadPlan(i);
    const isDone = rand(1) < 0.6;
    const createdTs = at(leadCount, i, 0.2);
    return {
      id: AMO_ID_OFFSET.task + i, created_by: plan.responsible, updated_by: plan.responsible, created_at: createdTs, updated_at: at(leadCount, i, 0.6),
      responsible_user_id: plan.responsible, group_id: 0, entity_id: AMO_ID_OFFSET.lead + i, entity_type: "leads", is_completed: isDone,
      task_type_id: rand(2) < 0.7 ? 1 : 2, text: rand(2) < 0.7 ? "Перезвонить клиенту" : "Встреча в офисе", duration: 0, complete_till: createdTs + 86_400,
      result: isDone ? { text: "Готово" } : null, account_id: AMO_ACCOUNT_ID, _links: link(`/api/v4/tasks/${AMO_ID_OFFSET.task + i}`),
    };
  }, (i) => at(leadCount, i, 0.6) * 1000, byUpdated);

  // One note per lead: a call note on half of them (note_type call_in / call_out with the talk time
  // in params.duration and the record's link), a common note, an SMS or a service message on the
  // others (integrations-2.md, "amoCRM notes").
  const note = new LazyTable<AmoRow>(leadCount, (i) => {
    const rand = r(SALT.note, i);
    const plan = leadPlan(i);
    const ts = at(leadCount, i, 0.4);
    if (rand(0) >= 0.5) {
      const x = rand(3);
      const [note_type, params] =
        x < 0.5 ? ["common", { text: TEXT_NOTES[i % TEXT_NOTES.length] }]
        : x < 0.75 ? ["sms_in", { text: "Спасибо, жду счёт", phone: "+77010000000" }]
        : ["service_message", { service: "Робот", text: "Клиенту отправлено КП" }];
      return {
        id: AMO_ID_OFFSET.note + i, entity_id: AMO_ID_OFFSET.lead + i, created_by: plan.responsible, updated_by: plan.responsible, created_at: ts, updated_at: ts,
        responsible_user_id: plan.responsible, group_id: 0, note_type, params, is_pinned: false,
        account_id: AMO_ACCOUNT_ID, _links: link(`/api/v4/leads/${AMO_ID_OFFSET.lead + i}/notes/${AMO_ID_OFFSET.note + i}`),
      };
    }
    return {
      id: AMO_ID_OFFSET.note + i, entity_id: AMO_ID_OFFSET.lead + i, created_by: plan.responsible, updated_by: plan.responsible, created_at: ts, updated_at: ts,
      responsible_user_id: plan.responsible, group_id: 0, note_type: rand(1) < 0.5 ? "call_in" : "call_out",
      params: { uniq: `call-${i}`, duration: 20 + Math.floor(rand(2) * 600), source: "telephony", link: `https://records.example.kz/${i}.mp3`, phone: "+77010000000", call_status: 4, call_result: "" },
      account_id: AMO_ACCOUNT_ID, _links: link(`/api/v4/leads/${AMO_ID_OFFSET.lead + i}/notes/${AMO_ID_OFFSET.note + i}`),
    };
  }, (i) => at(leadCount, i, 0.4) * 1000, byUpdated);

  // Notes of contacts and companies: a common note on every other one.
  const partyNotes = (kind: "contact" | "company", count: number) =>
    new LazyTable<AmoRow>(count, (c) => {
      if (c % 2 === 1) return null;
      const responsible = pick(MANAGERS, r(kind === "contact" ? SALT.contact : SALT.company, c)(3));
      const ts = at(count, c, 0.7);
      const offset = kind === "contact" ? AMO_ID_OFFSET.contactNote : AMO_ID_OFFSET.companyNote;
      const path = kind === "contact" ? "contacts" : "companies";
      return {
        id: offset + c, entity_id: AMO_ID_OFFSET[kind] + c, created_by: responsible, updated_by: responsible, created_at: ts, updated_at: ts,
        responsible_user_id: responsible, group_id: 0, note_type: "common", params: { text: `Заметка по ${kind === "contact" ? "контакту" : "компании"} ${c}` },
        account_id: AMO_ACCOUNT_ID, _links: link(`/api/v4/${path}/${AMO_ID_OFFSET[kind] + c}/notes/${offset + c}`),
      };
    }, (c) => at(count, c, 0.7) * 1000, byUpdated);

  // Two events per lead: lead_added at creation, lead_status_changed at the move (if it moved).
  const event = new LazyTable<AmoRow>(leadCount * 2, (e) => {
    const i = Math.ceil(e / 2);
    const plan = leadPlan(i);
    const isMove = e % 2 === 0;
    if (isMove && !plan.isMoved) return null;
    const common = { id: eventId(e), entity_id: AMO_ID_OFFSET.lead + i, entity_type: "lead", created_by: plan.responsible, account_id: AMO_ACCOUNT_ID, _embedded: { entity: { id: AMO_ID_OFFSET.lead + i } } };
    if (!isMove) return { ...common, type: "lead_added", created_at: createdAt(leadCount, i), value_after: [], value_before: [] };
    return {
      ...common, type: "lead_status_changed", created_at: at(leadCount, i, 0.3),
      value_after: [{ lead_status: { id: plan.status, pipeline_id: plan.pipeline.id } }],
      value_before: [{ lead_status: { id: plan.first.id, pipeline_id: plan.pipeline.id } }],
    };
  }, (e) => (e % 2 === 0 ? at(leadCount, Math.ceil(e / 2), 0.3) : createdAt(leadCount, Math.ceil(e / 2))) * 1000, (row) => Number(row.created_at) * 1000);

  return {
    lead, contact: contactLike("contact", contactCount), company: contactLike("company", companyCount), task, note, event, fields,
    contactNote: partyNotes("contact", contactCount), companyNote: partyNotes("company", companyCount),
  };
}

const TEXT_NOTES = ["Клиент считает, что дорого, просит скидку", "Обещал ответить после согласования с директором", "Customer is comparing us with a competitor", "Договорились о демо на следующей неделе"];

/** Event ids are strings in amoCRM ("01kysdbvsnt5n43xgp5hmp2k77"); ours sort like their table ids. */
export function eventId(n: number): string {
  return `01k${n.toString(32).padStart(23, "0")}`;
}
export function eventNumber(id: string): number {
  return parseInt(id.slice(3), 32);
}

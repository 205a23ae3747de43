// The mock account's "Неразобранное" (incoming leads): GET /api/v4/leads/unsorted lists what waits
// in the inbox, each item with its category (forms, sip, mail, chats) and the lead amoCRM has already
// made for it in the pipeline's unsorted status (type 1); accepting moves that same lead to a regular
// status, declining deletes it (docs/amocrm-wire.md, "Incoming leads").
import type { Nested } from "./bracket-query";
import { toList } from "./bracket-query";
import { AMO_ACCOUNT_ID, AMO_PIPELINES, type AmoRow } from "./amocrm-data";
import type { createAmoMutations } from "./amocrm-mutations";

export type AmoUnsortedCategory = "forms" | "sip" | "mail" | "chats";
type Mutations = ReturnType<typeof createAmoMutations>["mutations"];

const METADATA: Record<AmoUnsortedCategory, (at: number) => AmoRow> = {
  forms: (at) => ({ form_id: "1", form_name: "Заявка с сайта", form_page: "https://example.kz/", form_sent_at: at, ip: "192.0.2.1", referer: "https://example.kz/", visitor_uid: "v-1", form_type: 1 }),
  sip: (at) => ({ from: "+77010000001", phone: "+77010000001", called_at: at, duration: 42, link: "https://records.example.kz/1.mp3", service_code: "sipuni", uniq: `call-${at}` }),
  mail: (at) => ({ from: { email: "client@example.kz", name: "Клиент" }, received_at: at, subject: "Запрос", thread_id: 1, message_id: `m-${at}` }),
  chats: (at) => ({ from: "Клиент", to: "Voronka", received_at: at, service: "telegram", client: { name: "Клиент", avatar: null }, origin: { chat_id: "c-1", ref: null, visitor_uid: null }, last_message_text: "Здравствуйте" }),
};

export function createAmoUnsorted(mutations: Mutations) {
  const items = new Map<string, AmoRow>();
  let n = 0;
  return {
    /** A new incoming lead of `category` in `pipelineId` (the main pipeline unless given); `lead` sets fields of its lead. */
    add(category: AmoUnsortedCategory, lead: AmoRow = {}, pipelineId = AMO_PIPELINES[0].id): AmoRow {
      const pipeline = AMO_PIPELINES.find((p) => p.id === pipelineId)!;
      const inbox = pipeline.statuses.find((s) => s.type === 1)!;
      const row = mutations.add("lead", { ...lead, pipeline_id: pipeline.id, status_id: inbox.id });
      const uid = `a1b2c3d4-0000-4000-8000-${String(++n).padStart(12, "0")}`;
      const item = {
        uid, source_uid: `source-${category}`, source_name: `Mock ${category}`, category, pipeline_id: pipeline.id, created_at: row.created_at,
        metadata: METADATA[category](Number(row.created_at)), account_id: AMO_ACCOUNT_ID,
        _embedded: { leads: [{ id: row.id }], contacts: [], companies: [] },
      };
      items.set(uid, item);
      return item;
    },
    /** POST …/unsorted/{uid}/accept: the same lead moves to `statusId` (the first regular status unless given). */
    accept(uid: string, statusId?: number): AmoRow {
      const item = take(uid);
      const pipeline = AMO_PIPELINES.find((p) => p.id === item.pipeline_id)!;
      const leadId = Number((item._embedded as { leads: { id: number }[] }).leads[0].id);
      return mutations.update("lead", leadId, { status_id: statusId ?? pipeline.statuses.find((s) => s.type === 0)!.id });
    },
    /** DELETE …/unsorted/{uid}/decline: the item and its lead are gone. */
    decline(uid: string): void {
      const item = take(uid);
      mutations.remove("lead", Number((item._embedded as { leads: { id: number }[] }).leads[0].id));
    },
    /** GET /api/v4/leads/unsorted: `page`, `limit` (≤ 250), `filter[category][]`, `filter[pipeline_id]`; 204 past the end. */
    list(query: Nested, baseUrl: string): { status: 200; body: unknown; rows: number } | { status: 204 } {
      const filter = (query.filter ?? {}) as Nested;
      const categories = filter.category === undefined ? null : new Set(toList(filter.category));
      const pipelines = filter.pipeline_id === undefined ? null : new Set(toList(filter.pipeline_id));
      const all = [...items.values()].filter((item) => (!categories || categories.has(String(item.category))) && (!pipelines || pipelines.has(String(item.pipeline_id))));
      const limit = Math.min(250, Math.max(1, Number(query.limit ?? 50) || 50));
      const page = Math.max(1, Number(query.page ?? 1) || 1);
      const slice = all.slice((page - 1) * limit, page * limit);
      if (slice.length === 0) return { status: 204 };
      const links: Record<string, { href: string }> = { self: { href: `${baseUrl}/api/v4/leads/unsorted?page=${page}&limit=${limit}` } };
      if (slice.length === limit) links.next = { href: `${baseUrl}/api/v4/leads/unsorted?page=${page + 1}&limit=${limit}` };
      return { status: 200, body: { _page: page, _links: links, _embedded: { unsorted: slice } }, rows: slice.length };
    },
  };

  function take(uid: string): AmoRow {
    const item = items.get(uid);
    if (!item) throw new Error(`mock amoCRM: no unsorted ${uid}`);
    items.delete(uid);
    return item;
  }
}

// Paging Bitrix24 lists. Big lists: keyset pages (`>ID`, order ID ASC, start=-1, so no COUNT)
// chained inside one `batch` — page k filters on `$result[page_{k-1}][49][ID]` — so one request
// brings up to 50 × 50 = 2,500 rows (docs/bitrix24-wire.md, "Lists and paging", "batch"). The caller's `order` is ignored on
// purpose: any other order loses or repeats rows with keyset paging (same section).
import { ConnectorProtocolError } from "../errors";
import { backoffDelay } from "../http/backoff";
import { toBracketQuery, type QueryValue } from "../http/query-string";
import { classifyBitrix24Error } from "./classify";
import type { Bitrix24Client } from "./client";
import type { B24ErrorBody } from "./types";

export type ListParams = {
  filter?: Record<string, QueryValue>;
  select?: string[];
  /** Ignored: keyset paging is always by ID ascending. */
  order?: Record<string, string>;
  /** crm.stagehistory.list and crm.item.list: 1 lead, 2 deal. */
  entityTypeId?: number;
};

export type ListAllOptions = {
  /** List calls per batch request, 1–50 (default 50). */
  commandsPerRequest?: number;
  /** Resume after this ID (a cursor); the default 0 starts at the beginning. */
  afterId?: number;
  /** Called once with the CRM's count of matching rows (costs one COUNT on the portal). */
  onTotal?: (total: number) => void;
  /** Where the rows sit in a result (crm.stagehistory.list: "items"); detected for known methods. */
  itemsKey?: string;
  /** The ID key (crm.item.list: "id"); detected for known methods. */
  idField?: string;
};

const PAGE_SIZE = 50;
const KNOWN_SHAPES: Record<string, { itemsKey?: string; idField?: string; isUpperCase?: boolean }> = {
  "crm.stagehistory.list": { itemsKey: "items" },
  // Documented with FILTER / SORT / ORDER (like user.get); start=-1 support is unconfirmed, and
  // without it the page is still right (keyset on >ID), only slower (the portal counts).
  "voximplant.statistic.get": { isUpperCase: true },
  "crm.item.list": { itemsKey: "items", idField: "id" },
  "crm.category.list": { itemsKey: "categories", idField: "id" },
};
/** Sub-call errors that pass with time: wait and repeat from the last ID we have. */
export const TRANSIENT_SUBCALL_ERRORS = new Set(["OPERATION_TIME_LIMIT", "QUERY_LIMIT_EXCEEDED", "INTERNAL_SERVER_ERROR", "ERROR_UNEXPECTED_ANSWER"]);

type Context = { sleep: (ms: number) => Promise<void>; now: () => number; maxAttempts: number; operatingWait: (method: string) => number };

export async function* listAllByBatch<T>(client: Bitrix24Client, method: string, params: ListParams, opts: ListAllOptions, ctx: Context): AsyncGenerator<T[]> {
  const idField = opts.idField ?? KNOWN_SHAPES[method]?.idField ?? "ID";
  const itemsKey = opts.itemsKey ?? KNOWN_SHAPES[method]?.itemsKey;
  const perRequest = Math.min(50, Math.max(1, Math.floor(opts.commandsPerRequest ?? 50)));
  const cursorKey = `>${idField}`;
  const { [cursorKey]: startAfter, ...filter } = params.filter ?? {};
  const select = params.select && !params.select.includes("*") && !params.select.includes(idField) ? [...params.select, idField] : params.select;
  const base = params.entityTypeId === undefined ? {} : { entityTypeId: params.entityTypeId };
  const rowPath = itemsKey ? `[${itemsKey}]` : "";
  const isUpperCase = KNOWN_SHAPES[method]?.isUpperCase ?? false;
  const listQuery = (pageFilter: Record<string, QueryValue>, pageSelect: string[] | undefined, start: number) =>
    toBracketQuery(
      isUpperCase
        ? { ...base, FILTER: pageFilter, SELECT: pageSelect, SORT: idField, ORDER: "ASC", start }
        : { ...base, filter: pageFilter, select: pageSelect, order: { [idField]: "ASC" }, start },
    );

  let lastId = Number(opts.afterId ?? startAfter ?? 0);
  let needTotal = Boolean(opts.onTotal);
  let stalls = 0;
  for (;;) {
    const commands: Record<string, string> = {};
    if (needTotal) commands.total = `${method}?${listQuery(filter, [idField], 0)}`;
    const pages = needTotal ? Math.min(perRequest, 49) : perRequest;
    for (let k = 0; k < pages; k++) {
      const after = k === 0 ? lastId : `$result[page_${k - 1}]${rowPath}[${PAGE_SIZE - 1}][${idField}]`;
      commands[`page_${k}`] = `${method}?${listQuery({ ...filter, [cursorKey]: after }, select, -1)}`;
    }
    const batch = await client.batch(commands);

    if (needTotal) {
      const total = batch.result_total.total;
      if (typeof total === "number") {
        opts.onTotal?.(total);
        needTotal = false;
      } else if (batch.result_error.total && !TRANSIENT_SUBCALL_ERRORS.has(batch.result_error.total.error)) {
        throw subCallError(client, batch.result_error.total, method);
      }
    }

    const rows: T[] = [];
    let isDone = false;
    let blocked: B24ErrorBody | undefined;
    for (let k = 0; k < pages; k++) {
      const key = `page_${k}`;
      const error = batch.result_error[key];
      if (error) {
        if (!TRANSIENT_SUBCALL_ERRORS.has(error.error)) throw subCallError(client, error, method);
        blocked = error;
        break;
      }
      const page = extractRows<T>(batch.result[key], itemsKey);
      for (const row of page) {
        const id = Number((row as Record<string, unknown>)[idField]);
        if (id > lastId) {
          rows.push(row);
          lastId = id;
        }
      }
      if (page.length < PAGE_SIZE) {
        isDone = true; // the later pages only fail to resolve their $result reference
        break;
      }
    }
    if (rows.length > 0) {
      stalls = 0;
      yield rows;
    }
    if (isDone) return;
    if (!blocked && rows.length === 0) {
      // Full pages, yet nothing past the cursor: the method ignored the >ID filter. Stop rather than loop.
      throw new ConnectorProtocolError(`Bitrix24 portal ${client.host}: ${method} ignores the ID filter, so it cannot be paged by ID`, { retryable: false });
    }
    if (blocked) {
      if (rows.length === 0 && ++stalls >= ctx.maxAttempts) throw subCallError(client, blocked, method);
      client.stats.retries++;
      await ctx.sleep(blocked.error === "OPERATION_TIME_LIMIT" ? ctx.operatingWait(method) : backoffDelay(Math.max(1, stalls)));
    }
  }
}

export async function* listByOffset<T>(client: Bitrix24Client, method: string, params: object, opts: { itemsKey?: string }): AsyncGenerator<T[]> {
  const itemsKey = opts.itemsKey ?? KNOWN_SHAPES[method]?.itemsKey;
  for (let start = 0; ; ) {
    const envelope = await client.callEnvelope<unknown>(method, { ...params, start });
    const rows = extractRows<T>(envelope.result, itemsKey);
    if (rows.length > 0) yield rows;
    if (typeof envelope.next !== "number" || envelope.next <= start) return;
    start = envelope.next;
  }
}

function extractRows<T>(result: unknown, itemsKey: string | undefined): T[] {
  const rows = itemsKey && result && typeof result === "object" && !Array.isArray(result) ? (result as Record<string, unknown>)[itemsKey] : result;
  if (Array.isArray(rows)) return rows as T[];
  if (rows && typeof rows === "object") return Object.values(rows) as T[]; // PHP arrays with gaps arrive as objects
  return [];
}

export function subCallError(client: Bitrix24Client, error: B24ErrorBody, method: string) {
  const status = error.error === "insufficient_scope" ? 403 : 400;
  return classifyBitrix24Error(client.host, status, error.error, error.error_description ?? "", method);
}

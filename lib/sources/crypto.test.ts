import { describe, expect, it } from "vitest";
import { isEncryptionKey } from "@/lib/env";
import { decryptText, encryptText, keyFromText } from "./crypto";

const key = keyFromText(Buffer.alloc(32, 1).toString("base64"));
const otherKey = keyFromText("ab".repeat(32));

describe("credential encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time, and hides the secret", () => {
    const secret = JSON.stringify({ webhookUrl: "https://p.bitrix24.ru/rest/1/topsecretcode/" });
    const one = encryptText(secret, key);
    const two = encryptText(secret, key);
    expect(one).not.toBe(two);
    expect(one).not.toContain("topsecretcode");
    expect(decryptText(one, key)).toBe(secret);
  });

  it("refuses a wrong key and a tampered value", () => {
    const sealed = encryptText("hello", key);
    expect(() => decryptText(sealed, otherKey)).toThrow();
    const [v, iv, tag, data] = sealed.split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 1;
    expect(() => decryptText([v, iv, tag, flipped.toString("base64")].join(":"), key)).toThrow();
  });

  it("accepts 32 bytes as base64 or 64 hex characters, nothing shorter", () => {
    expect(isEncryptionKey(Buffer.alloc(32, 9).toString("base64"))).toBe(true);
    expect(isEncryptionKey("0f".repeat(32))).toBe(true);
    expect(isEncryptionKey(Buffer.alloc(16, 9).toString("base64"))).toBe(false);
    expect(isEncryptionKey("password")).toBe(false);
  });
});

// CRM credentials at rest: AES-256-GCM with the key from ENCRYPTION_KEY. Stored as
// "v1:<iv>:<tag>:<ciphertext>" (base64), so a future key or cipher can be told apart.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export class EncryptionKeyMissingError extends AppError {
  constructor() {
    super(503, "encryption_key_missing", "ENCRYPTION_KEY is not set, so Voronka cannot store or read CRM credentials. Set it to 32 random bytes (openssl rand -base64 32) and restart");
  }
}

export function keyFromText(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : Buffer.from(text, "base64");
}

/** The key from the environment; refuses (fails closed) when it is not set. */
export function encryptionKey(): Buffer {
  if (!env.ENCRYPTION_KEY) throw new EncryptionKeyMissingError();
  return keyFromText(env.ENCRYPTION_KEY);
}

export function encryptText(plain: string, key: Buffer = encryptionKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), ciphertext.toString("base64")].join(":");
}

/** Throws on a wrong key or a tampered value (GCM checks the tag). */
export function decryptText(stored: string, key: Buffer = encryptionKey()): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("Stored credentials are not in a format this version can read");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64")), decipher.final()]).toString("utf8");
}

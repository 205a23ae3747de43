// What a source's encrypted `credentials` column holds, per kind. Never sent to a browser.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";
import { decryptText, encryptText, EncryptionKeyMissingError } from "./crypto";

export const bitrix24CredentialsSchema = z.object({ kind: z.literal("bitrix24-webhook"), webhookUrl: z.string() });
/** A Bitrix24 OAuth application (a local or Marketplace app): tokens rotate on every renewal. */
export const bitrix24OAuthCredentialsSchema = z.object({
  kind: z.literal("bitrix24-oauth"),
  portalUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Unix milliseconds; 0 when unknown (the first call then finds out). */
  expiresAt: z.number(),
  /** The OAuth server; https://oauth.bitrix.info/ unless the portal is a self-hosted box. */
  oauthServer: z.string().optional(),
});
export const amoCredentialsSchema = z.object({
  kind: z.literal("amocrm-token"),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  /** Unix milliseconds. */
  expiresAt: z.number().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  redirectUri: z.string().optional(),
});
export const credentialsSchema = z.discriminatedUnion("kind", [bitrix24CredentialsSchema, bitrix24OAuthCredentialsSchema, amoCredentialsSchema]);
export type SourceCredentials = z.infer<typeof credentialsSchema>;

export const sealCredentials = (credentials: SourceCredentials) => encryptText(JSON.stringify(credentials));

export function openCredentials(stored: string | null): SourceCredentials | null {
  if (!stored) return null;
  try {
    return credentialsSchema.parse(JSON.parse(decryptText(stored)));
  } catch (error) {
    if (error instanceof EncryptionKeyMissingError) throw error;
    // GCM's tag check fails on another key: the admin changed ENCRYPTION_KEY, or the value was tampered with.
    throw new AppError(422, "credentials_unreadable", "The stored credentials cannot be read with this ENCRYPTION_KEY (was it changed?); add the source again");
  }
}

/** amoCRM rotates OAuth tokens: the new pair is stored before it is used again. */
export async function saveCredentials(db: Db, sourceId: string, credentials: SourceCredentials): Promise<void> {
  await db.update(sources).set({ credentials: sealCredentials(credentials) }).where(eq(sources.id, sourceId));
}

// What a source's encrypted `credentials` column holds: one of the CRM connectors' credential
// schemas (lib/connectors/<kind>/credentials.ts). Never sent to a browser.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import { AppError } from "@/lib/errors";
import { amoCredentialsSchema } from "@/lib/connectors/amocrm/credentials";
import { bitrix24CredentialsSchema, bitrix24OAuthCredentialsSchema } from "@/lib/connectors/bitrix24/credentials";
import { decryptText, encryptText, EncryptionKeyMissingError } from "./crypto";

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

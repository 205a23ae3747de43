// What a source's encrypted `credentials` column holds, per kind. Never sent to a browser.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { sources } from "@/db/schema";
import type { DbOrTx } from "@/lib/canonical/upsert";
import { decryptText, encryptText } from "./crypto";

export const bitrix24CredentialsSchema = z.object({ kind: z.literal("bitrix24-webhook"), webhookUrl: z.string() });
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
export const credentialsSchema = z.discriminatedUnion("kind", [bitrix24CredentialsSchema, amoCredentialsSchema]);
export type SourceCredentials = z.infer<typeof credentialsSchema>;

export const sealCredentials = (credentials: SourceCredentials) => encryptText(JSON.stringify(credentials));

export function openCredentials(stored: string | null): SourceCredentials | null {
  if (!stored) return null;
  return credentialsSchema.parse(JSON.parse(decryptText(stored)));
}

/** amoCRM rotates OAuth tokens: the new pair is stored before it is used again. */
export async function saveCredentials(db: DbOrTx, sourceId: string, credentials: SourceCredentials): Promise<void> {
  await db.update(sources).set({ credentials: sealCredentials(credentials) }).where(eq(sources.id, sourceId));
}

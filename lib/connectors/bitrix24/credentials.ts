// What a Bitrix24 source's sealed credentials hold (lib/sources/credentials.ts joins every kind's).
import { z } from "zod";

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

// What an amoCRM source's sealed credentials hold (lib/sources/credentials.ts joins every kind's).
import { z } from "zod";

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

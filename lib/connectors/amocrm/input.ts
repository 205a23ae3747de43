// What POST /api/sources accepts for an amoCRM account, and the credentials stored (sealed) from it.
import { z } from "zod";
import type { SourceCredentials } from "@/lib/sources/credentials";
import { httpsUrl, sourceName } from "../input-fields";

/** An amoCRM account may be given by its subdomain alone, as amoCRM itself names it: "example" → https://example.amocrm.ru. */
export function amoBaseUrlFrom(value: unknown): unknown {
  return typeof value === "string" && /^[a-z0-9][a-z0-9-]*$/i.test(value.trim()) ? `https://${value.trim().toLowerCase()}.amocrm.ru` : value;
}

export const amocrmInput = z.object({
  kind: z.literal("amocrm"),
  name: sourceName,
  baseUrl: z.preprocess(amoBaseUrlFrom, httpsUrl("baseUrl")),
  accessToken: z.string().trim().min(10, "accessToken looks too short").max(4000),
  refreshToken: z.string().trim().min(10).max(4000).optional(),
  clientId: z.string().trim().min(1).max(200).optional(),
  clientSecret: z.string().trim().min(1).max(400).optional(),
  redirectUri: z.string().trim().url().optional(),
});

export function storedAmocrm(input: z.infer<typeof amocrmInput>): { baseUrl: string; credentials: SourceCredentials; settings: Record<string, unknown> } {
  const { accessToken, refreshToken, clientId, clientSecret, redirectUri } = input;
  return { baseUrl: new URL(input.baseUrl).origin, credentials: { kind: "amocrm-token", accessToken, refreshToken, clientId, clientSecret, redirectUri }, settings: {} };
}

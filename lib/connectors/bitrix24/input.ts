// What POST /api/sources accepts for a Bitrix24 portal, and what of it is stored: the sealed
// credentials (an inbound webhook or an OAuth application) and the application token in settings.
import { z } from "zod";
import type { SourceCredentials } from "@/lib/sources/credentials";
import { httpsUrl, sourceName } from "../input-fields";

/** https://portal.bitrix24.ru/rest/1/<code>/ (a method name after it is cut off). */
export function normalizeBitrixWebhookUrl(value: string): string | null {
  const url = URL.parse(value);
  if (!url) return null;
  const match = /^\/rest\/(\d+)\/([A-Za-z0-9_-]+)(?:\/|$)/.exec(url.pathname);
  if (!match) return null;
  return `${url.origin}/rest/${match[1]}/${match[2]}/`;
}

export const bitrix24Input = z
  .object({
    kind: z.literal("bitrix24"),
    name: sourceName,
    /** Either an inbound webhook… */
    webhookUrl: httpsUrl("webhookUrl")
      .refine((value) => normalizeBitrixWebhookUrl(value) !== null, {
        message: "webhookUrl must look like https://<portal>/rest/<user id>/<webhook code>/",
      })
      .optional(),
    /** …or an OAuth application's tokens for the portal. */
    portalUrl: httpsUrl("portalUrl").optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: z.string().trim().min(1).max(400).optional(),
    accessToken: z.string().trim().min(10, "accessToken looks too short").max(4000).optional(),
    refreshToken: z.string().trim().min(10, "refreshToken looks too short").max(4000).optional(),
    /** Where tokens are renewed: https://oauth.bitrix.info/ (cloud portals) unless the portal is self-hosted. */
    oauthServer: httpsUrl("oauthServer").optional(),
    /** The token shown on Bitrix24's outgoing-webhook form; checked on every event Bitrix24 posts. */
    applicationToken: z.string().trim().min(8).max(200).optional(),
  })
  .superRefine((value, ctx) => {
    const oauthFields = ["portalUrl", "clientId", "clientSecret", "accessToken", "refreshToken"] as const;
    const given = oauthFields.filter((field) => value[field] !== undefined);
    if (value.webhookUrl !== undefined && given.length > 0) {
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "give either webhookUrl or an OAuth application's tokens, not both" });
    } else if (value.webhookUrl === undefined && given.length === 0) {
      ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "is required (or portalUrl, clientId, clientSecret, accessToken and refreshToken of an OAuth application)" });
    } else if (value.webhookUrl === undefined) {
      for (const field of oauthFields) if (value[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "is required for an OAuth application" });
    }
  });

export function storedBitrix24(input: z.infer<typeof bitrix24Input>): { baseUrl: string; credentials: SourceCredentials; settings: Record<string, unknown> } {
  const settings: Record<string, unknown> = input.applicationToken ? { applicationToken: input.applicationToken } : {};
  if (input.webhookUrl) {
    const webhookUrl = normalizeBitrixWebhookUrl(input.webhookUrl)!;
    return { baseUrl: new URL(webhookUrl).origin, credentials: { kind: "bitrix24-webhook", webhookUrl }, settings };
  }
  // The schema has checked that every OAuth field is present.
  const baseUrl = new URL(input.portalUrl!).origin;
  const credentials: SourceCredentials = {
    kind: "bitrix24-oauth",
    portalUrl: baseUrl,
    clientId: input.clientId!,
    clientSecret: input.clientSecret!,
    accessToken: input.accessToken!,
    refreshToken: input.refreshToken!,
    expiresAt: 0,
    oauthServer: input.oauthServer,
  };
  return { baseUrl, credentials, settings };
}

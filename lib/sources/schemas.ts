// What POST /api/sources accepts, per kind. URLs are checked here so a typo is a 400, not a
// failed sync later; plain http only with ALLOW_PRIVATE_CRM_URLS (a CRM on a private network,
// mocks), as the outbound guard allows it (lib/connectors/http/outbound-guard.ts).
import { z } from "zod";
import { env } from "@/lib/env";

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || (url.protocol === "http:" && env.ALLOW_PRIVATE_CRM_URLS);
      } catch {
        return false;
      }
      // abort: the checks chained after this one may take the value for a URL.
    }, { message: `${what} must be an https:// URL`, abort: true });

/** https://portal.bitrix24.ru/rest/1/<code>/ (a method name after it is cut off). */
export function normalizeBitrixWebhookUrl(value: string): string | null {
  const url = URL.parse(value);
  if (!url) return null;
  const match = /^\/rest\/(\d+)\/([A-Za-z0-9_-]+)(?:\/|$)/.exec(url.pathname);
  if (!match) return null;
  return `${url.origin}/rest/${match[1]}/${match[2]}/`;
}

/** An amoCRM account may be given by its subdomain alone, as amoCRM itself names it: "example" → https://example.amocrm.ru. */
export function amoBaseUrlFrom(value: unknown): unknown {
  return typeof value === "string" && /^[a-z0-9][a-z0-9-]*$/i.test(value.trim()) ? `https://${value.trim().toLowerCase()}.amocrm.ru` : value;
}

export const createSourceSchema = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("bitrix24"),
      name,
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
    }),
  z.object({
    kind: z.literal("amocrm"),
    name,
    baseUrl: z.preprocess(amoBaseUrlFrom, httpsUrl("baseUrl")),
    accessToken: z.string().trim().min(10, "accessToken looks too short").max(4000),
    refreshToken: z.string().trim().min(10).max(4000).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: z.string().trim().min(1).max(400).optional(),
    redirectUri: z.string().trim().url().optional(),
  }),
  z.object({ kind: z.literal("shop"), name }),
  z.object({ kind: z.literal("form"), name }),
]);

/**
 * A CRM source is saved only when its connection passes the check (lib/sources/add-source.ts),
 * unless the admin chose to save it untested (a CRM that is down for maintenance, say).
 */
export const addSourceSchema = createSourceSchema.and(z.object({ saveUntested: z.boolean().optional() }));

export type CreateSourceInput = z.infer<typeof createSourceSchema>;
export type AddSourceInput = z.infer<typeof addSourceSchema>;

/**
 * What an admin may change later: the name, whether it syncs, Bitrix24's application token (known
 * only after the outgoing webhook is saved), and amoCRM's qualified stage per pipeline.
 */
export const updateSourceSchema = z
  .object({
    name: name.optional(),
    isActive: z.boolean().optional(),
    applicationToken: z.string().trim().min(8).max(200).optional(),
    /** amoCRM: pipeline id → the stage that makes its leads converted; null goes back to "won". */
    qualifiedStages: z.record(z.uuid({ message: "must be a pipeline id" }), z.uuid({ message: "must be a stage id" }).nullable()).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });

export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

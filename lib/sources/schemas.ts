// What POST /api/sources accepts, per kind. URLs are checked here so a typo is a 400, not a
// failed sync later; plain http is allowed only for a CRM on this machine (tests, mocks).
import { z } from "zod";

const name = z.string().trim().min(1, "is required").max(100, "must be at most 100 characters");

function isLocal(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
}

const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === "https:" || (url.protocol === "http:" && isLocal(url));
      } catch {
        return false;
      }
    }, `${what} must be an https:// URL`);

/** https://portal.bitrix24.ru/rest/1/<code>/ (a method name after it is cut off). */
export function normalizeBitrixWebhookUrl(value: string): string | null {
  const url = new URL(value);
  const match = /^\/rest\/(\d+)\/([A-Za-z0-9_-]+)(?:\/|$)/.exec(url.pathname);
  if (!match) return null;
  return `${url.origin}/rest/${match[1]}/${match[2]}/`;
}

export const createSourceSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("bitrix24"),
    name,
    webhookUrl: httpsUrl("webhookUrl").refine((value) => normalizeBitrixWebhookUrl(value) !== null, {
      message: "webhookUrl must look like https://<portal>/rest/<user id>/<webhook code>/",
    }),
    /** The token shown on Bitrix24's outgoing-webhook form; checked on every event Bitrix24 posts. */
    applicationToken: z.string().trim().min(8).max(200).optional(),
  }),
  z.object({
    kind: z.literal("amocrm"),
    name,
    baseUrl: httpsUrl("baseUrl"),
    accessToken: z.string().trim().min(10, "accessToken looks too short").max(4000),
    refreshToken: z.string().trim().min(10).max(4000).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
    clientSecret: z.string().trim().min(1).max(400).optional(),
    redirectUri: z.string().trim().url().optional(),
  }),
  z.object({ kind: z.literal("shop"), name }),
]);

export type CreateSourceInput = z.infer<typeof createSourceSchema>;

/** What an admin may change later: the name, whether it syncs, and Bitrix24's application token (known only after the outgoing webhook is saved). */
export const updateSourceSchema = z
  .object({
    name: name.optional(),
    isActive: z.boolean().optional(),
    applicationToken: z.string().trim().min(8).max(200).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: "nothing to change" });

export type UpdateSourceInput = z.infer<typeof updateSourceSchema>;

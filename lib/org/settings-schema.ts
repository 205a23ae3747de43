// Organisation settings as the API and the admin form accept them (no database imports).
import { z } from "zod";

// Offsets such as "+05:00" are rejected even where Intl accepts them: PostgreSQL reads their sign
// the POSIX way (inverted), so reports would shift by twice the offset.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

export function isIanaTimeZone(zone: string): boolean {
  if (!ZONE_NAME.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const text = () => z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") }).trim();

export const orgSettingsSchema = z.object({
  name: text().min(1, "is required").max(200, "must be at most 200 characters"),
  baseCurrency: text().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code of 3 capital letters, such as KZT"),
  timezone: text().refine(isIanaTimeZone, "must be an IANA time zone such as Asia/Almaty"),
  locale: z.enum(["ru", "en"], { message: "must be ru or en" }),
  country: text().regex(/^[A-Z]{2}$/, "must be an ISO 3166 alpha-2 code of 2 capital letters, such as KZ"),
});
export type OrgSettingsInput = z.infer<typeof orgSettingsSchema>;

/** PATCH: any subset of the settings, at least one. */
export const orgSettingsPatchSchema = orgSettingsSchema
  .partial()
  .refine((v) => Object.values(v).some((value) => value !== undefined), "send at least one of name, baseCurrency, timezone, locale, country");
export type OrgSettingsPatch = z.infer<typeof orgSettingsPatchSchema>;

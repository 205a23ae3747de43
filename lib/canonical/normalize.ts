// Contact details as the canonical model keeps them: phones in E.164 (read with the organisation's
// country, so "8 (701) 123-45-67" in Kazakhstan is +77011234567), e-mails lower-cased.
import { eq } from "drizzle-orm";
import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { organisations } from "@/db/schema";
import type { DbOrTx } from "./upsert";

export function normalizePhone(raw: string | null | undefined, country: string): string | null {
  if (!raw || !raw.trim()) return null;
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  // A number libphonenumber cannot read is kept as the digits the CRM had, rather than dropped.
  if (!parsed || !parsed.isPossible()) return raw.replace(/[^\d+]/g, "") || null;
  return parsed.number;
}

export function normalizeEmail(raw: string | null | undefined): string | null {
  const value = raw?.trim().toLowerCase();
  return value ? value : null;
}

export async function orgCountry(db: DbOrTx, orgId: string): Promise<string> {
  const [org] = await db.select({ country: organisations.country }).from(organisations).where(eq(organisations.id, orgId));
  return org?.country ?? "KZ";
}

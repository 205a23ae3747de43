// Contact details as the canonical model keeps them: phones in E.164 (read with the organisation's
// country, so "8 (701) 123-45-67" in Kazakhstan is +77011234567), e-mails lower-cased.
import { eq } from "drizzle-orm";
import { organisations } from "@/db/schema";
import { lowerCaseEmail, phoneE164 } from "@/lib/contact-details";
import type { Db } from "@/db/types";

export function normalizePhone(raw: string | null | undefined, country: string): string | null {
  // A number libphonenumber cannot read is kept as the digits the CRM had, rather than dropped.
  return phoneE164(raw, country) ?? (raw?.replace(/[^\d+]/g, "") || null);
}

export const normalizeEmail = lowerCaseEmail;

export async function orgCountry(db: Db, orgId: string): Promise<string> {
  const [org] = await db.select({ country: organisations.country }).from(organisations).where(eq(organisations.id, orgId));
  return org?.country ?? "KZ";
}

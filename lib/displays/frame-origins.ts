// Who may frame an embedded dashboard: the organisation's connected CRMs — a Bitrix24 portal, an
// amoCRM account — by the origin of the address each source was set up with. Nobody else: the
// page's Content Security Policy says `frame-ancestors` with exactly these (proxy.ts).
import { and, eq, inArray } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";

const FRAMING_KINDS = ["bitrix24", "amocrm"] as const;

/** "https://portal.bitrix24.ru", once each, in a stable order; an address that is not https is left out. */
export async function crmFrameOrigins(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ baseUrl: sources.baseUrl })
    .from(sources)
    .where(and(eq(sources.orgId, orgId), inArray(sources.kind, [...FRAMING_KINDS]), eq(sources.isActive, true)));
  const origins = new Set<string>();
  for (const { baseUrl } of rows) {
    const origin = httpsOrigin(baseUrl);
    if (origin) origins.add(origin);
  }
  return [...origins].sort();
}

/** A CRM is served over https; an http or malformed address would only weaken the policy. */
function httpsOrigin(address: string | null): string | null {
  if (!address) return null;
  try {
    const url = new URL(address);
    return url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

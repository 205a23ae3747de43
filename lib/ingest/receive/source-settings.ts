// What the receivers read from a source row, in one place: Bitrix24's application token lives in
// `sources.settings`; which CRM account the source is lives in its own columns (lib/sources/crm-account.ts).
import type { sources } from "@/db/schema";

export type SourceRow = typeof sources.$inferSelect;

/** The token Bitrix24 shows on the outgoing-webhook form (or sends with ONAPPINSTALL). */
export function bitrixApplicationToken(source: SourceRow): string | undefined {
  const value = source.settings.applicationToken;
  return typeof value === "string" && value !== "" ? value : undefined;
}

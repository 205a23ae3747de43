// What the receivers read from a source row, in one place: the sources admin (lib/sources) decides
// where these live; until it says otherwise they are keys of `sources.settings`.
import type { sources } from "@/db/schema";

export type SourceRow = typeof sources.$inferSelect;

function setting(source: SourceRow, key: string): string | undefined {
  const value = source.settings[key];
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
}

/** The token Bitrix24 shows on the outgoing-webhook form (or sends with ONAPPINSTALL). */
export function bitrixApplicationToken(source: SourceRow): string | undefined {
  return setting(source, "applicationToken");
}

/** The portal this source is, when known: events from another portal are refused. */
export function bitrixPortal(source: SourceRow): { memberId?: string; domain?: string } {
  return { memberId: setting(source, "memberId"), domain: setting(source, "domain") ?? hostOf(source.baseUrl) };
}

/** The amoCRM account this source is, when known. */
export function amoAccount(source: SourceRow): { id?: string; subdomain?: string } {
  const host = hostOf(source.baseUrl);
  return { id: setting(source, "accountId"), subdomain: setting(source, "subdomain") ?? host?.split(".")[0] };
}

function hostOf(url: string | null): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

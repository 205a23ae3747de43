// Which source kinds are a CRM (connected, tested and synced through its API) and which only post to
// Voronka (a shop, a site form). Client-safe: the admin page asks the same question.
import type { SourceKind } from "@/db/schema";

export const CRM_SOURCE_KINDS = ["bitrix24", "amocrm"] as const;
export type CrmKind = (typeof CRM_SOURCE_KINDS)[number];

export function isCrmKind(kind: SourceKind): kind is CrmKind {
  return kind === "bitrix24" || kind === "amocrm";
}

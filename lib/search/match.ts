// The SQL conditions of a search: a table's words, phone digits and e-mail against the query's terms,
// through the same expressions its indexes are built on (db/schema/search.ts).
import { or, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { searchDigits, searchEmail, searchWords } from "@/db/schema/search";
import type { SearchTerms } from "./terms";

type Columns = { words: PgColumn; phone?: PgColumn; email?: PgColumn };

/** Rows whose words, phone or e-mail match; null when the terms can match none of the columns. */
export function matchCondition(terms: SearchTerms, columns: Columns): SQL | null {
  const parts: SQL[] = [];
  if (terms.words) parts.push(sql`${searchWords(columns.words)} @@ to_tsquery('russian'::regconfig, ${terms.words})`);
  if (columns.phone && terms.phonePrefixes.length) {
    const phone = columns.phone;
    // Prefixes hold digits only, so they carry no LIKE wildcard.
    parts.push(...terms.phonePrefixes.map((prefix) => sql`${searchDigits(phone)} like ${`${prefix}%`}`));
  }
  if (columns.email && terms.emailPrefix) parts.push(sql`${searchEmail(columns.email)} like ${`${escapeLike(terms.emailPrefix)}%`}`);
  return parts.length ? (or(...parts) ?? null) : null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

// The expressions the header search matches on (lib/search, docs/search.md), and the indexes over
// them. One definition serves the indexes and the queries: PostgreSQL uses an expression index only
// for the very same expression. Words go through the `russian` text-search configuration (Russian
// stems; ASCII words get the English stemmer), phones through their digits, e-mails lower-cased;
// the digits and e-mails are btree prefix indexes (text_pattern_ops), since PGlite has no pg_trgm.
import { sql, type SQL } from "drizzle-orm";
import { index, type PgColumn } from "drizzle-orm/pg-core";

/** The words of a title or name as a tsvector of the `russian` configuration. */
export const searchWords = (column: PgColumn): SQL => sql`to_tsvector('russian'::regconfig, coalesce(${column}, ''))`;
/** A phone's digits alone: "+7 (701) 123-45-67" → "77011234567". */
export const searchDigits = (column: PgColumn): SQL => sql`regexp_replace(${column}, '[^0-9]', '', 'g')`;
/** An e-mail lower-cased, so a prefix matches whatever case the CRM stored. */
export const searchEmail = (column: PgColumn): SQL => sql`lower(${column})`;

/** A GIN index on the words of `column`. */
export const wordsIndex = (name: string, column: PgColumn) => index(name).using("gin", searchWords(column));

/** Btree prefix indexes on a table's phone digits and lower-cased e-mail, led by the organisation. */
export function contactIndexes(table: string, t: { orgId: PgColumn; phone: PgColumn; email: PgColumn }) {
  return [
    index(`${table}_phone_digits_idx`).on(t.orgId, sql`${searchDigits(t.phone)} text_pattern_ops`),
    index(`${table}_email_prefix_idx`).on(t.orgId, sql`${searchEmail(t.email)} text_pattern_ops`),
  ];
}

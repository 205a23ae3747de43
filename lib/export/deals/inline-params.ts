// PostgreSQL's COPY takes no bind parameters, so the export's query — built with bound values like
// every other query — has its values written into the text as literals before it is sent.

/**
 * One value as an SQL literal. Strings become escape-string literals (`E'…'`, quotes and
 * backslashes doubled), which mean the same whatever `standard_conforming_strings` says; they stay
 * untyped, so PostgreSQL gives them the type their place asks for, as it does a bound parameter.
 */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`cannot inline the number ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return sqlLiteral(value.toISOString());
  if (typeof value === "string") {
    // PostgreSQL text cannot hold NUL; a bound parameter with one is refused too.
    if (value.includes("\0")) throw new TypeError("cannot inline a string with a NUL character");
    return `E'${value.replaceAll("\\", "\\\\").replaceAll("'", "''")}'`;
  }
  throw new TypeError(`cannot inline a value of type ${typeof value}`);
}

/**
 * The query with each `$n` replaced by its value. The query text comes from drizzle and our own
 * SQL, whose literals never hold a `$` followed by digits; every parameter must be used.
 */
export function inlineParams(query: { sql: string; params: unknown[] }): string {
  const used = new Set<number>();
  const text = query.sql.replace(/\$(\d+)(?!\d)/g, (_, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= query.params.length) throw new RangeError(`the query names $${digits} but has ${query.params.length} parameters`);
    used.add(index);
    return sqlLiteral(query.params[index]);
  });
  if (used.size !== query.params.length) throw new RangeError(`the query uses ${used.size} of its ${query.params.length} parameters`);
  return text;
}

// Bitrix24 list filters (docs/bitrix24-wire.md, "Lists and paging"): key prefixes for comparison,
// IN, LIKE; values compared as numbers, dates (the portal's +03:00 for bare dates) or text.
import { toList } from "./bracket-query";
import type { Row } from "./bitrix24-data";

type Op = "=" | "!" | ">" | ">=" | "<" | "<=" | "@" | "!@" | "%" | "!%";
export type CompiledFilter = { test: (row: Row) => boolean; afterId: number; fromMs: (field: string) => number };

const PREFIX = /^(>=|<=|!=|!@|=%|%=|!%|>|<|=|!|@|%)?(.+)$/;

export function compileFilter(filter: unknown): CompiledFilter {
  const entries = filter && typeof filter === "object" ? Object.entries(filter as Record<string, unknown>) : [];
  const checks: ((row: Row) => boolean)[] = [];
  let afterId = 0;
  const lowerBounds = new Map<string, number>();
  for (const [rawKey, value] of entries) {
    const match = rawKey.match(PREFIX)!;
    const raw = match[1] ?? "=";
    const op: Op = raw === "!=" ? "!" : raw === "=%" || raw === "%=" ? "%" : (raw as Op);
    const field = match[2];
    if (field === "ID" && (op === ">" || op === ">=") && isNumeric(value)) afterId = Math.max(afterId, Number(value) - (op === ">=" ? 1 : 0));
    if ((op === ">" || op === ">=") && typeof value === "string") {
      const ms = parseDate(value);
      if (ms !== undefined) lowerBounds.set(field, ms);
    }
    checks.push((row) => matches(row[field], value, op));
  }
  return {
    test: (row) => checks.every((check) => check(row)),
    afterId,
    fromMs: (field) => lowerBounds.get(field) ?? -Infinity,
  };
}

function matches(actual: unknown, expected: unknown, op: Op): boolean {
  if (op === "@" || op === "!@") {
    const isIn = toList(expected).some((item) => compare(actual, item) === 0);
    return op === "@" ? isIn : !isIn;
  }
  if (op === "%" || op === "!%") {
    const has = String(actual ?? "").toLowerCase().includes(String(expected).replaceAll("%", "").toLowerCase());
    return op === "%" ? has : !has;
  }
  if (actual === null || actual === undefined || actual === "") {
    const isEmptyWanted = expected === "" || expected === null || expected === "0" || expected === 0;
    return op === "=" ? isEmptyWanted : op === "!" ? !isEmptyWanted : false;
  }
  const c = compare(actual, expected);
  switch (op) {
    case "=":
      return c === 0;
    case "!":
      return c !== 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
  }
}

function compare(actual: unknown, expected: unknown): number {
  if (typeof actual === "boolean") return actual === (expected === true || expected === "true" || expected === "Y" || expected === "1") ? 0 : 1;
  if (Array.isArray(actual)) return actual.some((item) => compare(item, expected) === 0) ? 0 : 1;
  if (isNumeric(actual) && isNumeric(expected)) return Number(actual) - Number(expected);
  const a = typeof actual === "string" ? parseDate(actual) : undefined;
  const b = typeof expected === "string" ? parseDate(expected) : undefined;
  if (a !== undefined && b !== undefined) return a - b;
  return String(actual).localeCompare(String(expected));
}

function isNumeric(value: unknown): boolean {
  return (typeof value === "number" && Number.isFinite(value)) || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value));
}

/** ISO with offset, "...Z", a bare date or "YYYY-MM-DD HH:MM:SS" (bare forms in the portal's zone). */
export function parseDate(value: string): number | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return Date.parse(`${value}T00:00:00+03:00`);
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value)) return Date.parse(`${value.replace(" ", "T")}+03:00`);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? ms : undefined;
  }
  return undefined;
}

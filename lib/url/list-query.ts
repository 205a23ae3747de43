// The address of a server-rendered list page (audit log, webhook events, customers): its filters
// and page in the query string. One builder, so every such list drops the same defaults.

/** The page's search params that are single non-empty strings (a repeated or empty one is ignored). */
export function stringParams(search: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(search).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
}

/** `a=1&b=x` of the set values; empty ones and page 1 (the default) are left out. */
export function listQuery(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
  return params.toString();
}

// Parses PHP-style bracket query strings ("filter[>ID]=5&select[]=ID") into nested objects,
// as PHP does for both CRMs. Numeric-keyed groups stay objects; `toList` turns them into arrays.

export type Nested = { [key: string]: string | Nested };

export function parseBracketQuery(query: string): Nested {
  const root: Nested = {};
  const params = new URLSearchParams(query);
  for (const [rawKey, value] of params) {
    const head = rawKey.match(/^[^[]+/)?.[0] ?? rawKey;
    const rest = [...rawKey.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    const path = [head, ...rest];
    let node: Nested = root;
    for (let i = 0; i < path.length; i++) {
      let key = path[i];
      const isLast = i === path.length - 1;
      if (key === "") key = String(Object.keys(node).length); // "[]" appends
      if (isLast) {
        node[key] = value;
      } else {
        const next = node[key];
        if (typeof next !== "object") node[key] = {};
        node = node[key] as Nested;
      }
    }
  }
  return root;
}

/** { "0": "a", "1": "b" } or "a" or ["a"] → ["a", "b"]. */
export function toList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "object") return Object.values(value as Record<string, unknown>).map(String);
  return String(value).split(",");
}

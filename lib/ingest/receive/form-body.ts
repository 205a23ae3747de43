// PHP-style bracket keys (`leads[status][0][custom_fields][1][values][0][value]=cpc`), as Bitrix24
// and amoCRM send them, turned into nested objects. Numeric keys stay object keys; `listOf` reads
// them back in index order. No prototype keys, bounded depth and key count.
export type FormNode = string | FormObject;
export type FormObject = { [key: string]: FormNode };

const MAX_DEPTH = 12;
const MAX_KEYS = 20_000;
const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

export class FormBodyError extends Error {}

export function parseBracketForm(body: string): FormObject {
  const root: FormObject = Object.create(null);
  let count = 0;
  for (const [rawKey, value] of new URLSearchParams(body)) {
    if (++count > MAX_KEYS) throw new FormBodyError(`more than ${MAX_KEYS} keys`);
    const path = splitKey(rawKey);
    if (path.length > MAX_DEPTH) throw new FormBodyError(`key nested deeper than ${MAX_DEPTH}: ${rawKey.slice(0, 80)}`);
    if (path.some((part) => FORBIDDEN.has(part))) throw new FormBodyError(`forbidden key: ${rawKey.slice(0, 80)}`);
    let node = root;
    for (let i = 0; i < path.length - 1; i++) {
      const part = path[i] === "" ? String(Object.keys(node).length) : path[i];
      const next = node[part];
      if (typeof next === "object") node = next;
      else node = node[part] = Object.create(null) as FormObject;
    }
    const last = path[path.length - 1];
    node[last === "" ? String(Object.keys(node).length) : last] = value;
  }
  return root;
}

/** `a[b][c]` → ["a", "b", "c"]; a key without brackets is one part. */
function splitKey(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0 || !key.endsWith("]")) return [key];
  return [key.slice(0, open), ...key.slice(open + 1, -1).split("][")];
}

export function isFormObject(node: FormNode | undefined): node is FormObject {
  return typeof node === "object" && node !== null;
}

/** The children of a node in numeric index order (`[0]`, `[1]`, …). */
export function listOf(node: FormNode | undefined): FormNode[] {
  if (!isFormObject(node)) return [];
  return Object.keys(node)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => node[key]);
}

export function textAt(node: FormNode | undefined, ...path: string[]): string | undefined {
  let current = node;
  for (const part of path) {
    if (!isFormObject(current)) return undefined;
    current = current[part];
  }
  return typeof current === "string" ? current : undefined;
}

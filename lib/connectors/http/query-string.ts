// PHP-style bracket query strings, the form both CRMs read:
// { filter: { ">ID": 5 }, select: ["ID", "TITLE"] } → "filter%5B%3EID%5D=5&select%5B0%5D=ID&select%5B1%5D=TITLE".

export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

export function toBracketQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  const add = (key: string, value: QueryValue) => {
    if (value === undefined) return;
    if (value === null) {
      parts.push(`${encodeURIComponent(key)}=`);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => add(`${key}[${index}]`, item));
    } else if (typeof value === "object") {
      for (const [child, item] of Object.entries(value)) add(`${key}[${child}]`, item);
    } else {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return parts.join("&");
}

// The uuid forms PostgreSQL's uuid cast accepts: a value that is not one must be refused before it
// reaches a query (the cast would fail with a 500, or, spliced into SQL, be an injection).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

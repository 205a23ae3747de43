// Every table that holds an organisation's rows, read from the Drizzle schema so that a table added
// later is counted and checked without anyone remembering this file: the tables with an org_id.
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as schema from "@/db/schema";

export function tenantTableNames(): string[] {
  const names: string[] = [];
  for (const value of Object.values(schema)) {
    if (!(value instanceof PgTable)) continue;
    const config = getTableConfig(value);
    if (config.columns.some((column) => column.name === "org_id")) names.push(config.name);
  }
  return names.sort();
}

// Names for the builder's dimension keys: a person as the dashboards name them (personName), a
// department, a connected source, a pipeline or a stage by its name — each looked up inside the
// viewer's organisation. Time keys, channels and UTM tags are their own labels; null stays null
// (the page says "not set" in the viewer's language).
import { and, eq, inArray, or } from "drizzle-orm";
import { crmUsers, departments, pipelines, sources, stages, users } from "@/db/schema";
import type { Db } from "@/db/types";
import { personName } from "../filter-options";
import type { Dimension } from "./catalogue";

type Names = Map<string, string>;

async function personNames(db: Db, orgId: string, ids: string[]): Promise<Names> {
  const accounts = await db
    .select({ id: crmUsers.id, name: crmUsers.name, userId: crmUsers.userId, userName: users.name })
    .from(crmUsers)
    .leftJoin(users, eq(users.id, crmUsers.userId))
    .where(and(eq(crmUsers.orgId, orgId), or(inArray(crmUsers.id, ids), inArray(crmUsers.userId, ids))));
  const names: Names = new Map();
  for (const id of ids) {
    const own = accounts.filter((a) => a.userId === id);
    if (own.length) names.set(id, personName(own.map((a) => a.name), own[0].userName));
    else {
      const account = accounts.find((a) => a.id === id);
      if (account) names.set(id, account.name);
    }
  }
  return names;
}

async function namedRows(db: Db, orgId: string, dimension: Dimension, ids: string[]): Promise<Names> {
  const read = async (table: typeof departments | typeof sources | typeof pipelines | typeof stages) =>
    new Map((await db.select({ id: table.id, name: table.name }).from(table).where(and(eq(table.orgId, orgId), inArray(table.id, ids)))).map((r) => [r.id, r.name]));
  switch (dimension) {
    case "manager":
      return personNames(db, orgId, ids);
    case "department":
      return read(departments);
    case "source":
      return read(sources);
    case "pipeline":
      return read(pipelines);
    case "stage":
      return read(stages);
    default:
      return new Map(ids.map((id) => [id, id]));
  }
}

/** A label for every key of each dimension. */
export async function labelKeys(db: Db, orgId: string, dimensions: Dimension[], keys: (string | null)[][]): Promise<((key: string | null) => string | null)[]> {
  return Promise.all(
    dimensions.map(async (dimension, i) => {
      const ids = [...new Set(keys.map((k) => k[i]).filter((k): k is string => k !== null))];
      const names = ids.length ? await namedRows(db, orgId, dimension, ids) : new Map<string, string>();
      return (key: string | null) => (key === null ? null : (names.get(key) ?? key));
    }),
  );
}

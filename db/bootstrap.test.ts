// The first start on an empty database. Always on a fresh PGlite: on a shared PostgreSQL the
// "no users yet" condition cannot be arranged.
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterEach, beforeEach, expect, it } from "vitest";
import { checkCredentials } from "@/lib/auth/sign-in";
import { bootstrapDatabase } from "./bootstrap";
import { migrationsFolder } from "./migrate";
import * as schema from "./schema";
import type { Db } from "./types";

let client: PGlite;
let db: Db;
beforeEach(async () => {
  client = await PGlite.create();
  await migrate(drizzle(client), { migrationsFolder });
  db = drizzle(client, { schema });
});
afterEach(() => client.close());

it("creates the first admin and an organisation from ADMIN_EMAIL and ORG_* when there are no users", async () => {
  const options = {
    seedDemo: false,
    admin: { email: "Owner@Example.com", password: "long-enough-password" },
    org: { name: "ТОО Ромашка", timezone: "Europe/Moscow", currency: "RUB", country: "RU" },
  };
  expect(await bootstrapDatabase(db, options)).toBe("created-admin");
  const [org] = await db.select().from(schema.organisations);
  expect(org).toMatchObject({ name: "ТОО Ромашка", timezone: "Europe/Moscow", baseCurrency: "RUB", country: "RU", locale: "ru" });
  const signIn = await checkCredentials(db, "owner@example.com", "long-enough-password");
  expect(signIn.ok).toBe(true);
  const [admin] = await db.select().from(schema.users);
  expect(admin).toMatchObject({ email: "owner@example.com", role: "admin", orgId: org.id });
  // A second start changes nothing.
  expect(await bootstrapDatabase(db, options)).toBe("nothing-to-do");
  expect(await db.$count(schema.users)).toBe(1);
});

it("uses the defaults (₸, Asia/Almaty, KZ) when ORG_* are not set", async () => {
  await bootstrapDatabase(db, { seedDemo: false, admin: { email: "a@b.kz", password: "12345678" }, org: { name: "My company" } });
  const [org] = await db.select().from(schema.organisations);
  expect(org).toMatchObject({ name: "My company", timezone: "Asia/Almaty", baseCurrency: "KZT", country: "KZ" });
});

it("says so and creates nothing when there is neither demo data nor an admin to create", async () => {
  expect(await bootstrapDatabase(db, { seedDemo: false, org: { name: "x" } })).toBe("no-users");
  expect(await db.$count(schema.organisations)).toBe(0);
});

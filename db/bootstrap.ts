// What the first start puts into an empty database.
import { count } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { organisationsWithoutFacts, rebuildReportFacts } from "@/lib/reports/facts/refresh";
import { organisations, users } from "./schema";
import { seedDemo } from "./demo";
import type { Db } from "./types";

export type BootstrapOptions = {
  seedDemo: boolean;
  admin?: { email: string; password: string };
  org: { name: string; timezone?: string; currency?: string; country?: string };
};

export type BootstrapResult = "seeded-demo" | "created-admin" | "nothing-to-do" | "no-users";

export async function bootstrapDatabase(db: Db, options: BootstrapOptions): Promise<BootstrapResult> {
  const [{ value: userCount }] = await db.select({ value: count() }).from(users);
  if (userCount > 0) {
    await rebuildMissingReportFacts(db);
    return "nothing-to-do";
  }
  if (options.seedDemo) {
    const started = Date.now();
    await seedDemo(db, {});
    console.info(`[voronka] demo organisation created in ${Date.now() - started} ms`);
    return "seeded-demo";
  }
  if (options.admin) {
    await createOrganisationWithAdmin(db, options.org, options.admin);
    console.info(`[voronka] created the first admin ${options.admin.email}`);
    return "created-admin";
  }
  console.warn("[voronka] the database has no users: set ADMIN_EMAIL and ADMIN_PASSWORD (or SEED_DEMO=true) and restart");
  return "no-users";
}

/**
 * A database migrated from before the report facts existed has organisations without them: build
 * them once (the dashboards read only the facts). Organisations created later get theirs on their
 * first write (refreshReportFacts rebuilds an organisation it finds without facts).
 */
async function rebuildMissingReportFacts(db: Db): Promise<void> {
  for (const orgId of await organisationsWithoutFacts(db)) {
    const started = Date.now();
    await rebuildReportFacts(db, orgId);
    console.info(`[voronka] report facts built for organisation ${orgId} in ${Date.now() - started} ms`);
  }
}

export async function createOrganisationWithAdmin(
  db: Db,
  org: BootstrapOptions["org"] & { locale?: "ru" | "en"; signedUpAt?: Date },
  admin: { email: string; name?: string } & ({ password: string } | { passwordHash: string }),
): Promise<{ orgId: string; userId: string }> {
  const passwordHash = "passwordHash" in admin ? admin.passwordHash : await hashPassword(admin.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(organisations)
      .values({
        name: org.name,
        ...(org.timezone && { timezone: org.timezone }),
        ...(org.currency && { baseCurrency: org.currency }),
        ...(org.country && { country: org.country }),
        ...(org.locale && { locale: org.locale }),
        ...(org.signedUpAt && { signedUpAt: org.signedUpAt }),
      })
      .returning({ id: organisations.id });
    const [user] = await tx
      .insert(users)
      .values({ orgId: created.id, email: admin.email.toLowerCase(), name: admin.name ?? "Admin", passwordHash, role: "admin" })
      .returning({ id: users.id });
    return { orgId: created.id, userId: user.id };
  });
}

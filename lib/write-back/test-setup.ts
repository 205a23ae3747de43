// Shared by the write-back tests: a CRM source synced from a mock into a fresh organisation, its
// deals attributed to one traffic team, and a customer for one of its contacts.
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { attributionRules, contacts, customers, deals, sources, trafficTeams, writeBackOutbox } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import type { Db } from "@/db/types";
import type { ClientDeps } from "@/lib/sources/clients";
import { runSync } from "@/lib/sync/engine";
import { addCrmSource } from "@/lib/sync/test-helpers";
import type { SourceCredentials } from "@/lib/sources/credentials";
import type { WriteBackSettings } from "./keys";

export const fastDeps: ClientDeps = { bitrix24: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 }, amocrm: { backoff: { baseMs: 5, maxMs: 50 }, timeoutMs: 2000 } };

export async function syncedSource(db: Db, kind: "bitrix24" | "amocrm", baseUrl: string, credentials: SourceCredentials) {
  const f = await createOrgFixture(db);
  const source = await addCrmSource(db, f.org.id, kind, baseUrl, credentials, kind === "amocrm" ? { currency: "KZT" } : {});
  // Attribution as the product does it while syncing: google → Google Ads (its primary source, high),
  // yandex → Яндекс Директ by a rule (medium), anything else → no team (low).
  const [google] = await db.insert(trafficTeams).values({ orgId: f.org.id, name: "Google Ads", primarySourceCode: "google" }).returning();
  const [yandex] = await db.insert(trafficTeams).values({ orgId: f.org.id, name: "Яндекс Директ" }).returning();
  await db.insert(attributionRules).values({ orgId: f.org.id, teamId: yandex.id, field: "utm_source", match: "equals", pattern: "yandex" });
  const run = await runSync(db, f.org.id, source.id, { mode: "full", deps: fastDeps });
  if (run.status !== "succeeded") throw new Error(`the sync failed: ${JSON.stringify(run)}`);
  return { f, source, google, yandex };
}

/** How many of the source's deals each team has (by name; "" for none). */
export async function dealsByTeam(db: Db, orgId: string, sourceId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ team: trafficTeams.name })
    .from(deals)
    .leftJoin(trafficTeams, eq(trafficTeams.id, deals.trafficTeamId))
    .where(and(eq(deals.orgId, orgId), eq(deals.sourceId, sourceId)));
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.team ?? ""] = (counts[row.team ?? ""] ?? 0) + 1;
  return counts;
}

export async function setWriteBack(db: Db, sourceId: string, settings: WriteBackSettings) {
  const [row] = await db.select({ settings: sources.settings }).from(sources).where(eq(sources.id, sourceId));
  await db.update(sources).set({ settings: { ...row.settings, writeBack: settings } }).where(eq(sources.id, sourceId));
}

/** A customer (VIP, 250 000.00 spent) for the source's first contact with a phone; returns that contact's external id. */
export async function vipCustomerForFirstContact(db: Db, orgId: string, sourceId: string): Promise<string> {
  const [contact] = await db
    .select({ externalId: contacts.externalId, phone: contacts.phone })
    .from(contacts)
    .where(and(eq(contacts.orgId, orgId), eq(contacts.sourceId, sourceId), isNotNull(contacts.phone)))
    .orderBy(asc(sql`${contacts.externalId}::bigint`))
    .limit(1);
  await db.insert(customers).values({ orgId, phone: contact.phone, name: "VIP", category: "vip", totalSpent: "250000.00", orderCount: 7, completedOrderCount: 7 });
  return contact.externalId;
}

export async function outboxStatuses(db: Db, orgId: string, sourceId: string) {
  const rows = await db.select({ status: writeBackOutbox.status }).from(writeBackOutbox).where(and(eq(writeBackOutbox.orgId, orgId), eq(writeBackOutbox.sourceId, sourceId)));
  const counts: Record<string, number> = {};
  for (const row of rows) counts[row.status] = (counts[row.status] ?? 0) + 1;
  return counts;
}

// Webhook sources for tests: one of each kind in a fixture organisation, with known secrets.
import { randomBytes } from "node:crypto";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";

export type TestSources = Awaited<ReturnType<typeof createWebhookSources>>;

export async function createWebhookSources(db: Db, orgId: string) {
  const secret = () => randomBytes(24).toString("base64url");
  const bitrixToken = secret();
  const [bitrix] = await db
    .insert(sources)
    .values({ orgId, kind: "bitrix24", name: "Portal", baseUrl: "https://some-domain.bitrix24.ru", webhookSecret: secret(), settings: { applicationToken: bitrixToken }, crmAccountId: "d897063e1ce7c5eb9f04b9751eef5915", crmAccountDomain: "some-domain.bitrix24.ru" })
    .returning();
  const [amo] = await db
    .insert(sources)
    .values({ orgId, kind: "amocrm", name: "amoCRM", baseUrl: "https://example.amocrm.ru", webhookSecret: secret(), crmAccountId: "29638927", crmAccountDomain: "example" })
    .returning();
  const [shop] = await db.insert(sources).values({ orgId, kind: "shop", name: "Shop", webhookSecret: secret() }).returning();
  return { bitrix, bitrixToken, amo, amoAccount: { id: "29638927", subdomain: "example" }, shop };
}

// A test organisation that sells: notifications on with a bot token, the team «Kenesary» (chat
// -1001, its primary code fb_kenesary), the team «Muha» without a chat, a fallback chat -1009, the
// pipeline «Express Course» and the client «Иван Иванов». Each call makes a new organisation.
import { eq } from "drizzle-orm";
import { pipelines, trafficTeams } from "@/db/schema";
import { createOrgFixture } from "@/db/test/fixtures";
import type { Db } from "@/db/types";
import { loadViewer } from "@/lib/auth/viewer";
import { applyContacts, type CanonicalDeal } from "@/lib/canonical";
import { env } from "@/lib/env";
import { saveNotificationSettings } from "../settings";

export const BOT_TOKEN = "123456789:AAH-test-token_for-voronka-mock";
export const CHATS = { kenesary: "-1001", fallback: "-1009", other: "-1002" };
/** A 32-byte key for tests only. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString("base64");

export async function createSalesOrg(db: Db, settings: { isEnabled?: boolean; fallbackChatId?: string | null } = {}) {
  env.ENCRYPTION_KEY ??= TEST_ENCRYPTION_KEY;
  const f = await createOrgFixture(db);
  await db.update(pipelines).set({ name: "Express Course" }).where(eq(pipelines.id, f.pipeline.id));
  const [kenesary, muha] = await db
    .insert(trafficTeams)
    .values([
      { orgId: f.org.id, name: "Kenesary", primarySourceCode: "fb_kenesary", telegramChatId: CHATS.kenesary },
      { orgId: f.org.id, name: "Muha", primarySourceCode: "tt_muha", telegramChatId: null },
    ])
    .returning();
  const source = { id: f.source.id, orgId: f.org.id };
  await applyContacts(db, source, [{ externalId: "C1", name: "Иван Иванов" }]);
  const admin = (await loadViewer(db, f.users.admin.id))!;
  await saveNotificationSettings(db, admin, {
    isEnabled: settings.isEnabled ?? true,
    botToken: BOT_TOKEN,
    fallbackChatId: settings.fallbackChatId === undefined ? CHATS.fallback : settings.fallbackChatId,
  });
  let counter = 0;
  /** A won deal of Kenesary's campaign, closed an hour before now, unless told otherwise. */
  const wonDeal = (patch: Partial<CanonicalDeal> = {}): CanonicalDeal => {
    const closedAt = new Date(Date.now() - 60 * 60_000);
    return {
      externalId: `D${++counter}`,
      title: "Заявка с лендинга",
      pipelineExternalId: "0",
      stageExternalId: "WON",
      stageSemantic: "won",
      amount: "5000",
      currency: "KZT",
      crmUserExternalId: "1",
      contactExternalId: "C1",
      utmSource: "fb_kenesary",
      utmCampaign: "tripwire_test_1",
      createdAt: new Date(closedAt.getTime() - 86_400_000),
      updatedAt: closedAt,
      closedAt,
      ...patch,
    };
  };
  return { f, source, admin, teams: { kenesary, muha }, wonDeal };
}

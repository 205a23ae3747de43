// GET/PUT /api/notifications/settings: the organisation's sale-notification settings (admins only).
// The bot token goes in and never comes out: an answer says only whether one is set. A save is
// audited as notifications.update (lib/notifications/settings.ts).
import { apiRoute, readJson } from "@/lib/api/handler";
import { notificationSettingsSchema } from "@/lib/notifications/schemas";
import { getNotificationSettings, saveNotificationSettings } from "@/lib/notifications/settings";

export const GET = apiRoute("org:update", async ({ viewer, db }) => ({ settings: await getNotificationSettings(db, viewer.orgId) }));

export const PUT = apiRoute("org:update", async ({ request, viewer, db }) => ({
  settings: await saveNotificationSettings(db, viewer, await readJson(request, notificationSettingsSchema)),
}));

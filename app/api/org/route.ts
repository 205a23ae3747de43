import { apiRoute, readJson } from "@/lib/api/handler";
import { getOrgSettings, updateOrgSettings } from "@/lib/org/settings";
import { orgSettingsPatchSchema } from "@/lib/org/settings-schema";

export const GET = apiRoute("org:read", async ({ viewer, db }) => ({ org: await getOrgSettings(db, viewer) }));

export const PATCH = apiRoute("org:update", async ({ request, viewer, db }) => ({
  org: await updateOrgSettings(db, viewer, await readJson(request, orgSettingsPatchSchema)),
}));

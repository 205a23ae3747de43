// PUT /api/ai/settings { isAnalysisEnabled, monthlyTokenBudget }: the organisation's AI opt-in and
// monthly token budget (the /admin/ai form). Admins only.
import { apiRoute, readJson } from "@/lib/api/handler";
import { aiSettingsSchema, saveAiSettings } from "@/lib/ai/settings";

export const PUT = apiRoute("ai:manage", async ({ request, viewer, db }) => ({ settings: await saveAiSettings(db, viewer, await readJson(request, aiSettingsSchema)) }));

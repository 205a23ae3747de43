// GET /api/models: the organisation's win-probability model, its measurement on held-out deals and
// its earlier versions (admins; docs/models.md).
import { apiRoute } from "@/lib/api/handler";
import { listModels } from "@/lib/predict/models-api";

export const GET = apiRoute("models:manage", async ({ viewer, db }) => listModels(db, viewer.orgId));

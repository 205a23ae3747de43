// POST /api/models/train: trains a new version now (admins; docs/models.md). Training also runs by
// itself after syncs, at most once a day per organisation.
import { apiRoute } from "@/lib/api/handler";
import { trainNow } from "@/lib/predict/models-api";

export const maxDuration = 300;

export const POST = apiRoute("models:manage", async ({ viewer, db }) => Response.json({ model: await trainNow(db, viewer) }, { status: 201 }));

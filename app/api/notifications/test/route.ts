// POST /api/notifications/test `{ target: "fallback" | <team id> }`: the sample sale sent at once to
// that chat. 200 with `{ ok: true, chatId }` or `{ ok: false, problem, … }` (Telegram's own words):
// a failed send is an answer, not an error. A target that is no team id is a 400.
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { testTargetSchema } from "@/lib/notifications/schemas";
import { sendTestMessage } from "@/lib/notifications/send-test";

const bodySchema = z.object({ target: testTargetSchema });

export const POST = apiRoute("org:update", async ({ request, viewer, db }) => sendTestMessage(db, viewer, (await readJson(request, bodySchema)).target));

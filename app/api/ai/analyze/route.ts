// POST /api/ai/analyze { text, lang? }: the analysis of one text, for integrations (admins and their
// API tokens). The configured model when the organisation has opted in, else the basic analyser —
// the answer says which, and why (docs/ai.md).
import { z } from "zod";
import { apiRoute, readJson } from "@/lib/api/handler";
import { currentAiConfig, describeProvider } from "@/lib/ai/config";
import { EmptyTextError } from "@/lib/ai/prepare";
import { analyseForOrg } from "@/lib/ai/service";
import { ValidationError } from "@/lib/errors";

const bodySchema = z.object({
  text: z.string(),
  lang: z
    .string()
    .regex(/^[a-z]{2}(-[A-Za-z]{2})?$/, "an ISO 639-1 code such as ru or en")
    .optional(),
});

export const POST = apiRoute("ai:manage", async ({ request, viewer, db }) => {
  const { text, lang } = await readJson(request, bodySchema);
  const config = currentAiConfig();
  try {
    const result = await analyseForOrg(db, viewer.orgId, text, { lang, config });
    return { ...result, provider: describeProvider(config) };
  } catch (error) {
    if (error instanceof EmptyTextError) throw new ValidationError("The text is empty", { code: "ai_empty_text", field: "text" });
    throw error;
  }
});

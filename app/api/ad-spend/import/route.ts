import { apiRoute } from "@/lib/api/handler";
import { checkSpend, importSpend } from "@/lib/ad-spend/import";
import { parseSpendCsv } from "@/lib/ad-spend/parse-csv";
import { AppError } from "@/lib/errors";
import { readBodyWithLimit } from "@/lib/api/read-body";

const MAX_BYTES = 5 * 1024 * 1024;

/** A CSV file as the request body; `?dryRun=1` answers the preview (rows and row errors) without storing. */
export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  // Stops reading past the limit, so a huge upload is refused without being held in memory.
  const body = await readBodyWithLimit(request, MAX_BYTES);
  if (!body.ok) throw new AppError(413, "file_too_large", "The file is larger than 5 MB; split it", { params: { megabytes: MAX_BYTES / 1024 / 1024 } });
  const raw = parseSpendCsv(body.text);
  const dryRun = ["1", "true"].includes(new URL(request.url).searchParams.get("dryRun") ?? "");
  return dryRun ? checkSpend(db, viewer, raw) : importSpend(db, viewer, raw, "csv");
});

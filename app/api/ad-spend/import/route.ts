import { apiRoute } from "@/lib/api/handler";
import { checkSpend, importSpend } from "@/lib/ad-spend/import";
import { CsvShapeError, parseSpendCsv } from "@/lib/ad-spend/parse-csv";
import { AppError, ValidationError } from "@/lib/errors";
import { readBodyWithLimit } from "@/lib/api/read-body";

const MAX_BYTES = 5 * 1024 * 1024;

/** A CSV file as the request body; `?dryRun=1` answers the preview (rows and row errors) without storing. */
export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  // Stops reading past the limit, so a huge upload is refused without being held in memory.
  const body = await readBodyWithLimit(request, MAX_BYTES);
  if (!body.ok) throw new AppError(413, "too_large", "The file is larger than 5 MB; split it");
  const text = body.text;
  let raw;
  try {
    raw = parseSpendCsv(text);
  } catch (error) {
    if (error instanceof CsvShapeError) throw new ValidationError(error.message);
    throw error;
  }
  const dryRun = ["1", "true"].includes(new URL(request.url).searchParams.get("dryRun") ?? "");
  return dryRun ? checkSpend(db, viewer, raw) : importSpend(db, viewer, raw, "csv");
});

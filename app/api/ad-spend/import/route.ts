import { apiRoute, readText } from "@/lib/api/handler";
import { checkSpend, importSpend } from "@/lib/ad-spend/import";
import { CsvShapeError, parseSpendCsv } from "@/lib/ad-spend/parse-csv";
import { ValidationError } from "@/lib/errors";

const MAX_BYTES = 5 * 1024 * 1024;

/** A CSV file as the request body; `?dryRun=1` answers the preview (rows and row errors) without storing. */
export const POST = apiRoute("rules:manage", async ({ request, viewer, db }) => {
  // Stops reading past the limit, so a huge upload is refused without being held in memory.
  const text = await readText(request, MAX_BYTES);
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

import { apiRoute } from "@/lib/api/handler";
import { readBodyWithLimit } from "@/lib/api/read-body";
import { AppError } from "@/lib/errors";
import { importPlansCsv } from "@/lib/plans/import-csv";

const MAX_BYTES = 1024 * 1024;

/** A plans CSV file as the request body: every line stored, or none (the refusal names the bad lines). */
export const POST = apiRoute("plans:manage", async ({ request, viewer, db }) => {
  // Stops reading past the limit, so a huge upload is refused without being held in memory.
  const body = await readBodyWithLimit(request, MAX_BYTES);
  if (!body.ok) throw new AppError(413, "file_too_large", "The file is larger than 1 MB; split it", { params: { megabytes: MAX_BYTES / 1024 / 1024 } });
  return importPlansCsv(db, viewer, body.text);
});

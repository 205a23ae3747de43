import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { UnsupportedMediaTypeError } from "@/lib/http/request-errors";
import { importShopOrders } from "@/lib/ingest/shop/import-orders";
import { getSourceRow } from "@/lib/sources/manage-sources";

export const maxDuration = 300;

const NDJSON = "application/x-ndjson";

/** A shop's past orders as JSON lines (docs/api.md, "Importing past orders"): what was imported and which lines were refused. */
export const POST = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const id = z.uuid({ message: "must be a source id" }).parse(params.id);
  const source = await getSourceRow(db, viewer.orgId, id);
  // Not a type a page of another site can send without asking first (unlike text/plain).
  if (!new RegExp(`^${NDJSON}\\s*(;|$)`, "i").test(request.headers.get("content-type") ?? "")) throw new UnsupportedMediaTypeError(NDJSON);
  return importShopOrders(db, source, request.body ?? new Blob([]).stream());
});

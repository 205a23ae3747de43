import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { describeKind } from "@/lib/connectors/descriptors";
import { ValidationError } from "@/lib/errors";
import { LengthRequiredError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/http/request-errors";
import { readXlsx } from "@/lib/orders-upload/read-xlsx";
import { getSourceRow } from "@/lib/sources/manage-sources";

export const maxDuration = 120;

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** A workbook of 100,000 orders is about 6 MB; the bound leaves room for wide sheets. */
export const MAX_SHEET_BYTES = 30 * 1024 * 1024;

/**
 * A past-orders XLSX read into rows of text (docs/orders-import.md): the page previews and maps
 * them as it does a CSV, then sends the orders to ../import. Nothing is stored here.
 */
export const POST = apiRoute<{ id: string }>("sources:manage", async ({ request, viewer, db, params }) => {
  const id = z.uuid({ message: "must be a source id" }).parse(params.id);
  const source = await getSourceRow(db, viewer.orgId, id);
  if (!describeKind(source.kind).importsOrders) throw new ValidationError("Past orders can be imported only into a shop source", { code: "orders_import_not_shop" });
  if (!new RegExp(`^${XLSX}\\s*(;|$)`, "i").test(request.headers.get("content-type") ?? "")) throw new UnsupportedMediaTypeError(XLSX);
  // The workbook is unzipped whole, so its size is known before it is read.
  const length = request.headers.get("content-length");
  if (length === null) throw new LengthRequiredError();
  if (Number(length) > MAX_SHEET_BYTES) throw new PayloadTooLargeError(MAX_SHEET_BYTES);
  const bytes = await request.arrayBuffer();
  if (bytes.byteLength > MAX_SHEET_BYTES) throw new PayloadTooLargeError(MAX_SHEET_BYTES);
  return { rows: await readXlsx(bytes) };
});

// The one path every ad-spend figure takes (form, CSV file, API): check every row, then store all of
// them or none. With `dryRun` it only checks — the CSV preview with its row-level errors.
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { ValidationError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/guards";
import { listTeamRefs, upsertSpend } from "./store";
import { validateSpendRows, type RawSpendRow, type RowError, type SpendRow } from "./validate";

type Actor = Pick<Viewer, "orgId" | "userId" | "role"> & { org: Pick<Viewer["org"], "baseCurrency"> };
export type SpendCheck = { rows: SpendRow[]; errors: RowError[] };
export type SpendImport = { imported: number; inserted: number; updated: number };

const MAX_ROWS = 50_000;

export async function checkSpend(db: Db, viewer: Actor, raw: readonly RawSpendRow[]): Promise<SpendCheck> {
  assertCan(viewer, "rules:manage");
  if (raw.length === 0) throw new ValidationError("There is no row to import", { code: "spend_no_rows", field: "rows" });
  if (raw.length > MAX_ROWS) throw new ValidationError(`At most ${MAX_ROWS} rows at a time; split the file`, { code: "spend_too_many_rows", field: "rows", params: { max: MAX_ROWS } });
  return validateSpendRows(raw, await listTeamRefs(db, viewer.orgId), viewer.org.baseCurrency);
}

export async function importSpend(db: Db, viewer: Actor, raw: readonly RawSpendRow[], via: "form" | "csv" | "api"): Promise<SpendImport> {
  const { rows, errors } = await checkSpend(db, viewer, raw);
  if (errors.length > 0) {
    const lines = errors.slice(0, 10).map((error) => error.line).join(", ") + (errors.length > 10 ? ", …" : "");
    throw new ValidationError(describeErrors(errors, via === "api" ? "row" : "line"), { code: "spend_rows_invalid", params: { count: errors.length, lines } });
  }
  const written = await upsertSpend(db, viewer, rows, via);
  return { imported: rows.length, ...written };
}

/** "line 3: …; line 7: …" — the first ten, and how many more, so the message stays readable. */
export function describeErrors(errors: readonly RowError[], unit: "line" | "row"): string {
  const shown = errors.slice(0, 10).map((error) => `${unit} ${error.line}: ${error.message}`);
  const more = errors.length > 10 ? `; and ${errors.length - 10} more` : "";
  return `Nothing was imported. ${shown.join("; ")}${more}`;
}

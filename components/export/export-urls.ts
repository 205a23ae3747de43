// Where each export lives. Pure so the menu and its tests agree on one URL shape.
export type ExportKind = "report" | "dashboard" | "deals" | "leads" | "audit" | "customers";
export type ExportFormat = "csv" | "xlsx" | "pdf";

/** Dashboards export as one workbook or one PDF; a CSV cannot hold several cards. */
export function formatsFor(kind: ExportKind): ExportFormat[] {
  return kind === "dashboard" ? ["xlsx", "pdf"] : ["csv", "xlsx", "pdf"];
}

export function exportUrl(kind: ExportKind, name: string | undefined, format: ExportFormat, params: Record<string, string>): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params)) if (value !== "" && key !== "format") query.set(key, value);
  const base =
    kind === "deals" || kind === "leads" || kind === "audit" || kind === "customers" ? `/api/${kind}/export` : `/api/${kind === "report" ? "reports" : "dashboards"}/${encodeURIComponent(name ?? "")}/export`;
  return `${base}?${query.toString()}`;
}

// One dashboard drawn for a wall screen or a CRM widget: large figures, no menus, no links. It renders
// the dashboard's export document (lib/displays/board.ts): KPI rows as big cards, other sections as
// short tables with the figures the PDF shows.
import { displayCell } from "@/lib/export/cells";
import type { Column, ExportDocument, ExportSection, Row } from "@/lib/export/model";

/** A wall screen is read from across a room: the first rows and columns of a table, not all of them. */
const MAX_ROWS = 8;
const MAX_COLUMNS = 5;

export function BoardView({ doc, size }: { doc: ExportDocument; size: "tv" | "embed" }) {
  const isTv = size === "tv";
  return (
    <section data-testid="board" className={isTv ? "space-y-8" : "space-y-4"}>
      <header>
        <h1 className={isTv ? "text-5xl font-bold" : "text-2xl font-semibold"}>{doc.title}</h1>
        <p className={isTv ? "text-2xl text-slate-400" : "text-sm text-slate-500"}>
          {doc.period ? `${doc.period.from} — ${doc.period.to}` : null} · {doc.scope}
        </p>
      </header>
      {doc.sections.map((section) =>
        isKpiSection(section) ? <KpiCards key={section.key} doc={doc} section={section} isTv={isTv} /> : <BoardTable key={section.key} doc={doc} section={section} isTv={isTv} />,
      )}
    </section>
  );
}

/** The Overview's KPI rows (a label, a value and its change): the figures a wall screen is for. */
function isKpiSection(section: ExportSection): boolean {
  const keys = section.table.columns.map((column) => column.key);
  return keys.includes("kpi") && keys.includes("value");
}

function cell(doc: ExportDocument, column: Column, row: Row): string {
  const type = typeof column.type === "function" ? column.type(row) : column.type;
  return displayCell(type, column.value(row), doc.locale, column.currency?.(row) ?? doc.currency, doc.timezone);
}

function KpiCards({ doc, section, isTv }: { doc: ExportDocument; section: ExportSection; isTv: boolean }) {
  const [label, value] = ["kpi", "value"].map((key) => section.table.columns.find((column) => column.key === key)!);
  const change = section.table.columns.find((column) => column.key === "change");
  return (
    <div className={`grid gap-4 ${isTv ? "grid-cols-2 xl:grid-cols-4" : "grid-cols-1 sm:grid-cols-2 lg:grid-cols-4"}`}>
      {section.table.rows.map((row, index) => (
        <div key={index} data-testid="board-kpi" className={`rounded-xl border ${isTv ? "border-slate-700 bg-slate-900 p-6" : "border-slate-200 bg-white p-4"}`}>
          <div className={isTv ? "text-2xl text-slate-300" : "text-sm text-slate-500"}>{cell(doc, label, row)}</div>
          <div data-testid="board-kpi-value" className={isTv ? "mt-2 text-6xl font-bold tabular-nums" : "mt-1 text-3xl font-semibold tabular-nums"}>
            {cell(doc, value, row)}
          </div>
          {change ? <div className={isTv ? "mt-2 text-2xl text-slate-400" : "text-sm text-slate-500"}>{cell(doc, change, row)}</div> : null}
        </div>
      ))}
    </div>
  );
}

function BoardTable({ doc, section, isTv }: { doc: ExportDocument; section: ExportSection; isTv: boolean }) {
  const columns = section.table.columns.slice(0, MAX_COLUMNS);
  const rows = section.table.rows.slice(0, MAX_ROWS);
  if (rows.length === 0) return null;
  return (
    <div className="overflow-x-auto">
      <h2 className={isTv ? "mb-3 text-3xl font-semibold" : "mb-2 text-lg font-semibold"}>{section.title}</h2>
      <table className={`w-full ${isTv ? "text-3xl" : "text-sm"}`}>
        <thead>
          <tr className={isTv ? "text-slate-400" : "text-slate-500"}>
            {columns.map((column, index) => (
              <th key={column.key} className={`py-2 pr-4 font-medium ${index === 0 ? "text-left" : "text-right"}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, rowIndex) => (
            <tr key={rowIndex} className={isTv ? "border-t border-slate-800" : "border-t border-slate-100"}>
              {columns.map((column, index) => (
                <td key={column.key} className={`py-2 pr-4 ${index === 0 ? "text-left" : "text-right tabular-nums"}`}>
                  {cell(doc, column, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

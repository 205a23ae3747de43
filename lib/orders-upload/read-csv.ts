// A past-orders CSV as rows of cells (papaparse): `;` or `,` found from the file itself, quotes and
// a UTF-8 BOM handled. Row i of the result is line i + 1 of the file for any file whose cells hold
// no line breaks; empty lines are kept as empty rows so that numbering holds. Client-safe.
import Papa from "papaparse";

export type Sheet = { rows: string[][]; delimiter: string };

export function readCsv(text: string): Sheet {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { delimitersToGuess: [";", ",", "\t"], skipEmptyLines: false });
  const rows = result.data.map((row) => row.map((cell) => cell ?? ""));
  // A file ending in a line break gives one empty row at the end: not a line of the file.
  if (rows.length > 0 && isEmptyRow(rows[rows.length - 1])) rows.pop();
  return { rows, delimiter: result.meta.delimiter || ";" };
}

export const isEmptyRow = (row: string[]) => row.every((cell) => cell.trim() === "");

// The rejected rows of an upload as a CSV to download, fix and upload again: the file's line
// number, the reason in the page's language, then the row as it was. Client-safe.
import Papa from "papaparse";
import type { Rejection, RowProblem } from "./to-orders";

export function rejectedCsv(header: string[], rejections: Rejection[], labels: { line: string; reason: string }, describe: (problem: RowProblem) => string, delimiter = ";"): string {
  const rows = [...rejections].sort((a, b) => a.line - b.line).map((rejection) => [String(rejection.line), describe(rejection.problem), ...rejection.cells]);
  // The BOM lets Excel open the Cyrillic as UTF-8.
  return `\uFEFF${Papa.unparse([[labels.line, labels.reason, ...header], ...rows], { delimiter, newline: "\r\n" })}\r\n`;
}

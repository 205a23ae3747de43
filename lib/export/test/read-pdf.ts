// Reads a PDF back the way a person's viewer would: its text through poppler's pdftotext.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function pdfText(bytes: Buffer): { pages: string[]; text: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "voronka-pdf-")), "export.pdf");
  writeFileSync(file, bytes);
  const text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  // pdftotext ends every page with a form feed; Intl's no-break spaces become plain spaces here.
  const pages = text.split("\f").slice(0, -1).map((page) => page.replace(/[\u00a0\u202f]/g, " "));
  return { pages, text: pages.join("\n") };
}

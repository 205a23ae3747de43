// Reads a PDF back the way a person's viewer would: its text through poppler's pdftotext.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function pdfText(bytes: Buffer): { pages: string[]; text: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "voronka-pdf-"));
  const file = path.join(dir, "export.pdf");
  writeFileSync(file, bytes);
  let text: string;
  try {
    text = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8", timeout: 30_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // pdftotext ends every page with a form feed; Intl's no-break spaces become plain spaces here.
  const pages = text.split("\f").slice(0, -1).map((page) => page.replace(/[\u00a0\u202f]/g, " "));
  return { pages, text: pages.join("\n") };
}

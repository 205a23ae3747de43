// DejaVu Sans 2.37, shipped in the repository (lib/export/pdf/fonts, with its licence): pdfkit's built-in
// Helvetica has no Cyrillic, and fetching a font at run time would make PDFs depend on the network.
// The repository is the fonts' one home (no npm package): to update them, replace the two files.
// next.config.ts traces these files into the server build (outputFileTracingIncludes).
import { readFileSync } from "node:fs";
import path from "node:path";

const FONT_DIR = path.join(process.cwd(), "lib", "export", "pdf", "fonts");

let cache: { regular: Buffer; bold: Buffer } | null = null;

export function pdfFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(path.join(FONT_DIR, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  };
  return cache;
}

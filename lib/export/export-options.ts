// The export's own query parameters (beside the report's filters): the format, the language of the
// headers, and the CSV overrides. The viewer's language comes from the switch's cookie, then their
// profile, then the organisation — the same order the pages use.
import { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/format";
import { LOCALE_COOKIE } from "@/lib/i18n/locale";

export const exportFormats = ["csv", "xlsx", "pdf"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportOptionsSchema = z.object({
  format: z.enum(exportFormats, { message: `must be one of ${exportFormats.join(", ")}` }),
  lang: z.enum(["ru", "en"], { message: "must be ru or en" }).optional(),
  delimiter: z.enum([";", ","], { message: "must be ; or ," }).optional(),
  decimal: z.enum([",", "."], { message: "must be , or ." }).optional(),
  /** CSV holds one table: which section of a report with several (byUtmSource, bySource, …). */
  table: z.string().regex(/^[\w-]{1,64}$/, "must be a section name").optional(),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

const exportKeys = Object.keys(exportOptionsSchema.shape);

export function parseExportOptions(params: URLSearchParams): ExportOptions {
  return exportOptionsSchema.parse(Object.fromEntries([...params.entries()].filter(([key, value]) => exportKeys.includes(key) && value !== "")));
}

/** The report's filters alone: the export's own parameters removed. */
export function filterParams(params: URLSearchParams): URLSearchParams {
  return new URLSearchParams([...params.entries()].filter(([key]) => !exportKeys.includes(key)));
}

export function exportLocale(request: Request, viewer: Pick<Viewer, "locale" | "org">, options: Pick<ExportOptions, "lang">): Locale {
  if (options.lang) return options.lang;
  const cookie = (request.headers.get("cookie") ?? "").split(/;\s*/).find((part) => part.startsWith(`${LOCALE_COOKIE}=`));
  const chosen = cookie?.slice(LOCALE_COOKIE.length + 1);
  if (chosen === "ru" || chosen === "en") return chosen;
  return viewer.locale ?? viewer.org.locale ?? "ru";
}

// The file picker of every CSV import (plans, ad spend).
import type { Locale } from "@/lib/format";

export const csvImportMessages: Record<Locale, { choose: string; noFile: string }> = {
  ru: { choose: "Выбрать файл", noFile: "Файл не выбран" },
  en: { choose: "Choose file", noFile: "No file chosen" },
};

// The interface language: the viewer's choice (a cookie set by the switch), else their saved
// preference, else the organisation's default.
import { cookies } from "next/headers";
import type { Locale } from "@/lib/format";
import type { Viewer } from "@/lib/auth/viewer";
import { messages, type Messages } from "./messages";

export const LOCALE_COOKIE = "voronka-locale";

export function isLocale(value: unknown): value is Locale {
  return value === "ru" || value === "en";
}

export async function resolveLocale(viewer?: Pick<Viewer, "locale" | "org"> | null): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return viewer?.locale ?? viewer?.org.locale ?? "ru";
}

export async function getMessages(viewer?: Pick<Viewer, "locale" | "org"> | null): Promise<{ locale: Locale; t: Messages }> {
  const locale = await resolveLocale(viewer);
  return { locale, t: messages[locale] };
}

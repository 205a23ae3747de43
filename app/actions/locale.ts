"use server";
import { eq } from "drizzle-orm";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { getViewer } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";

/** Switches the interface language; a signed-in user keeps the choice on other devices too. */
export async function setLocaleAction(form: FormData) {
  const locale = form.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax" });
  const viewer = await getViewer();
  if (viewer) await (await getDb()).update(users).set({ locale }).where(eq(users.id, viewer.userId));
  revalidatePath("/", "layout");
}

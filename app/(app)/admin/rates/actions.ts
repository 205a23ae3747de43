"use server";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { fill } from "@/lib/i18n/fill";
import { resolveLocale } from "@/lib/i18n/locale";
import { ratesMessages, type RatesMessages } from "@/lib/i18n/rates-messages";
import { deleteRate, setRate } from "@/lib/rates/rates";
import { rateInputSchema } from "@/lib/rates/schemas";
import type { Locale } from "@/lib/format";
import { describeFormError, textValues, type FormState } from "../form-state";

const fields = ["currency", "day", "rate"] as const;

/** A refusal beside the field it concerns, else above the form, in the viewer's language. */
function describeRateError(error: unknown, locale: Locale, t: RatesMessages, viewer: Viewer): Pick<FormState, "message" | "fieldErrors"> {
  return describeFormError(error, locale, { currency: fill(t.errors.currency, { base: viewer.org.baseCurrency }), day: t.errors.day, rate: t.errors.rate });
}

export async function setRateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = ratesMessages[locale];
  const values = textValues(form, fields);
  try {
    const { rate, created, dealsRevalued } = await setRate(await getDb(), viewer, rateInputSchema.parse(values));
    revalidatePath("/", "layout"); // every dashboard may show other amounts now
    return { status: "success", message: fill(created ? t.form.added : t.form.updated, { currency: rate.currency, day: rate.day, deals: dealsRevalued }) };
  } catch (error) {
    return { status: "error", ...describeRateError(error, locale, t, viewer), values };
  }
}

export async function deleteRateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const locale = await resolveLocale(viewer);
  const t = ratesMessages[locale];
  const { id, currency, day } = textValues(form, ["id", "currency", "day"]);
  try {
    const { dealsRevalued } = await deleteRate(await getDb(), viewer, id);
    revalidatePath("/", "layout");
    return { status: "success", message: fill(t.list.deleted, { currency, day, deals: dealsRevalued }) };
  } catch (error) {
    return { status: "error", ...describeRateError(error, locale, t, viewer) };
  }
}

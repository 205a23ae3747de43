"use server";
import { revalidatePath } from "next/cache";
import { ZodError } from "zod";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError, NotFoundError } from "@/lib/errors";
import { fill } from "@/lib/i18n/admin-messages";
import { resolveLocale } from "@/lib/i18n/locale";
import { ratesMessages, type RatesMessages } from "@/lib/i18n/rates-messages";
import { deleteRate, setRate } from "@/lib/rates/rates";
import { rateInputSchema } from "@/lib/rates/schemas";
import { textValues, type FormState } from "../form-state";

const fields = ["currency", "day", "rate"] as const;

/** A refusal as messages beside the fields (zod, or a domain rule prefixed "field: "), else above the form. */
function describeRateError(error: unknown, t: RatesMessages, viewer: Viewer): Pick<FormState, "message" | "fieldErrors"> {
  const texts: Record<string, string> = { currency: fill(t.errors.currency, { base: viewer.org.baseCurrency }), day: t.errors.day, rate: t.errors.rate };
  if (error instanceof NotFoundError) return { message: t.errors.notFound };
  const paths =
    error instanceof ZodError
      ? error.issues.map((issue) => String(issue.path[0] ?? ""))
      : error instanceof AppError
        ? [error.message.match(/^(\w+): /)?.[1] ?? ""]
        : null;
  if (paths === null) throw error; // not a refusal: a bug, shown by the error page
  const fieldErrors: Record<string, string> = {};
  for (const path of paths) if (texts[path]) fieldErrors[path] ??= texts[path];
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors };
  return { message: error instanceof Error ? error.message : String(error) };
}

export async function setRateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const t = ratesMessages[await resolveLocale(viewer)];
  const values = textValues(form, fields);
  try {
    const { rate, created, dealsRevalued } = await setRate(await getDb(), viewer, rateInputSchema.parse(values));
    revalidatePath("/", "layout"); // every dashboard may show other amounts now
    return { status: "success", message: fill(created ? t.form.added : t.form.updated, { currency: rate.currency, day: rate.day, deals: dealsRevalued }) };
  } catch (error) {
    return { status: "error", ...describeRateError(error, t, viewer), values };
  }
}

export async function deleteRateAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requirePermission("org:update");
  const t = ratesMessages[await resolveLocale(viewer)];
  const { id, currency, day } = textValues(form, ["id", "currency", "day"]);
  try {
    const { dealsRevalued } = await deleteRate(await getDb(), viewer, id);
    revalidatePath("/", "layout");
    return { status: "success", message: fill(t.list.deleted, { currency, day, deals: dealsRevalued }) };
  } catch (error) {
    return { status: "error", ...describeRateError(error, t, viewer) };
  }
}

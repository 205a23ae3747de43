"use client";
// The one way a form saves: it sends its values to the JSON API (lib/api/call-api.ts, the same
// routes a script calls, with their checks, scope and audit), then refreshes the page's server
// data. A refusal comes back as `{ error: { code, field, params } }` and is shown by its code
// (lib/i18n/form-errors.ts): beside its field, else above the form. What was typed stays typed.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import type { Locale } from "@/lib/format";
import { errorInfoOf } from "@/lib/i18n/describe-error";
import { formErrors, type FormErrors } from "@/lib/i18n/form-errors";

export type FormOutcome = FormErrors & { status?: "success" | "error" };

type Options<Result> = {
  /** Sends the form's values (build the JSON body from them with callApi). */
  send: (form: FormData) => Promise<Result>;
  locale: Locale;
  /** Each field's "what is expected" text for a plain validation_error. */
  fields?: Record<string, string>;
  /** How a refusal's text names a field not in `fields` ("rows.2.revenue" → "alice: Revenue plan"). */
  labels?: Record<string, string>;
  /** What to say after a save; none: nothing is said. */
  saved?: (result: Result) => string;
  /** Empty the form after a save (a form that adds things). */
  resetOnSave?: boolean;
  onSaved?: (result: Result) => void;
  /** For a page that says every outcome in one place (the traffic-teams page) instead of beside the form. */
  onRefused?: (error: Error) => void;
};

/** A refused save's messages, by code; a bug or a lost connection is said above the form as well. */
export function refusalOf(error: unknown, locale: Locale, fields: Record<string, string> = {}, labels?: Record<string, string>): FormErrors {
  return formErrors([errorInfoOf(error)], locale, fields, labels);
}

export function useApiForm<Result>({ send, locale, fields = {}, labels, saved, resetOnSave = false, onSaved, onRefused }: Options<Result>) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: ({ data }: { data: FormData; form?: HTMLFormElement }) => send(data),
    onSuccess: (result, { form }) => {
      if (resetOnSave) form?.reset();
      onSaved?.(result);
      router.refresh();
    },
    onError: onRefused,
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ data: new FormData(event.currentTarget), form: event.currentTarget });
  };
  const outcome: FormOutcome = mutation.isError
    ? { status: "error", ...refusalOf(mutation.error, locale, fields, labels) }
    : mutation.isSuccess && saved
      ? { status: "success", message: saved(mutation.data) }
      : {};
  /** The same send from a button outside a form's submit (a row's "Delete", "Preview"). */
  const run = (data: FormData = new FormData()) => mutation.mutate({ data });
  return { onSubmit, run, isPending: mutation.isPending, outcome, fieldErrors: outcome.fieldErrors ?? {}, result: mutation.data, isSaved: mutation.isSuccess, reset: mutation.reset };
}

/** Values for `run` from a button or a select outside a form's submit. */
export function formDataOf(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

// Why something failed, in the reader's language: the code's text, then the sender's or the CRM's own
// words as they came (not ours to translate). Rows stored before failures had codes show their
// English text, marked as such.
import type { RunFailure } from "@/db/schema";
import type { Locale } from "@/lib/format";
import { errorText } from "@/lib/i18n/describe-error";

type Props = { failure: RunFailure | null; legacyText?: string | null; locale: Locale };

export function FailureText({ failure, legacyText, locale }: Props) {
  if (!failure) return legacyText ? <span translate="no">{legacyText}</span> : null;
  return (
    <>
      {errorText(locale, failure)}
      {failure.details ? (
        <span className="block" translate="no">
          {failure.details}
        </span>
      ) : null}
    </>
  );
}

// The deal card's conversation: texts from the CRM newest first — comments, activity descriptions,
// notes, SMS and call records with their talk time and a link to the recording. Each entry keeps a
// slot for the text's analysis (sentiment, objections), which the text analysis fills in later.
import type { ReactNode } from "react";
import type { CardConversationText } from "@/lib/deals/deal-card";
import { formatDateTime, type Locale } from "@/lib/format";
import { formatCallLength, type DealCardMessages } from "@/lib/i18n/deal-card-messages";
import { fill } from "@/lib/i18n/fill";
import { CollapsibleText } from "./collapsible-text";

type IconName = "mail" | "bubble" | "phone" | "note" | "gear";

const ICON: Record<string, IconName> = {
  bitrix_activity_description: "mail",
  bitrix_timeline_comment: "bubble",
  bitrix_call_record: "phone",
  amocrm_note_common: "note",
  amocrm_note_call_in: "phone",
  amocrm_note_call_out: "phone",
  amocrm_note_sms: "bubble",
  amocrm_note_service: "gear",
};

/** Line icons drawn inline (the kit's way): emoji depend on the reader's fonts. */
const PATHS: Record<IconName, ReactNode> = {
  mail: (
    <>
      <rect x="2.5" y="4.5" width="15" height="11" rx="1.5" />
      <path d="m3 5.5 7 5.5 7-5.5" />
    </>
  ),
  bubble: <path d="M3.5 4.5h13v8.5h-7l-3.5 3v-3H3.5z" />,
  phone: <path d="M5 2.8h2.6l1.2 3.4-1.7 1.2a9 9 0 0 0 5.5 5.5l1.2-1.7 3.4 1.2V15a2 2 0 0 1-2.2 2A13.5 13.5 0 0 1 3 4.9a2 2 0 0 1 2-2.1Z" />,
  note: (
    <>
      <path d="M5 2.5h7l3.5 3.5v11.5H5z" />
      <path d="M7.5 9h6M7.5 12h6M7.5 15h4" />
    </>
  ),
  gear: (
    <>
      <circle cx="10" cy="10" r="2.5" />
      <path d="M10 2.5v2.2M10 15.3v2.2M2.5 10h2.2M15.3 10h2.2M4.7 4.7l1.6 1.6M13.7 13.7l1.6 1.6M4.7 15.3l1.6-1.6M13.7 6.3l1.6-1.6" />
    </>
  ),
};

function KindIcon({ kind }: { kind: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 text-slate-500" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" strokeLinecap="round">
      {PATHS[ICON[kind] ?? "note"]}
    </svg>
  );
}

type Props = {
  texts: CardConversationText[];
  total: number;
  timezone: string;
  t: DealCardMessages;
  locale: Locale;
  /** Where a text's analysis is shown once it exists (issue 18); nothing is shown without one. */
  renderAnalysis?: (text: CardConversationText) => ReactNode;
};

export function DealConversation({ texts, total, timezone, t, locale, renderAnalysis }: Props) {
  if (texts.length === 0) return <p className="text-sm text-slate-500" data-testid="deal-conversation-empty">{t.noConversation}</p>;
  return (
    <>
      <ol className="space-y-4 text-sm" data-testid="deal-conversation">
        {texts.map((text) => {
          const details = [
            text.direction ? (t.textDirection[text.direction] ?? null) : null,
            text.durationSeconds !== null ? formatCallLength(text.durationSeconds, t) : null,
            text.authorName,
          ].filter(Boolean);
          return (
            <li key={text.id} className="flex gap-3" data-testid="conversation-entry" data-kind={text.kind}>
              <KindIcon kind={text.kind} />
              <div className="min-w-0 flex-1 space-y-1">
                <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                  <span className="min-w-0 break-words">
                    <span className="font-medium text-slate-900" data-testid="conversation-kind">{t.textKind[text.kind] ?? text.kind}</span>
                    {details.length > 0 ? <span className="text-xs text-slate-500"> · {details.join(" · ")}</span> : null}
                  </span>
                  <time dateTime={new Date(text.occurredAt).toISOString()} className="whitespace-nowrap text-xs text-slate-500" data-testid="conversation-date">
                    {formatDateTime(new Date(text.occurredAt), timezone, locale)}
                  </time>
                </p>
                {text.body ? <CollapsibleText text={text.body} showAll={t.showAll} showLess={t.showLess} /> : text.recordingUrl ? <p className="text-xs text-slate-500">{t.recordingOnly}</p> : null}
                {text.recordingUrl ? (
                  <a href={text.recordingUrl} target="_blank" rel="noopener noreferrer nofollow" className="inline-block text-xs font-medium text-brand-600 hover:underline" data-testid="conversation-recording">
                    {t.recording} ↗
                  </a>
                ) : null}
                {text.analysis && renderAnalysis ? <div data-testid="conversation-analysis">{renderAnalysis(text)}</div> : null}
              </div>
            </li>
          );
        })}
      </ol>
      {total > texts.length ? <p className="mt-2 text-xs text-slate-500">{fill(t.moreConversation, { shown: texts.length, total })}</p> : null}
    </>
  );
}

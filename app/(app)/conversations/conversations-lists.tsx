// The Conversations dashboard's lists: lost deals with their last objection (each a link to its deal
// card) and the example quotes grouped by objection type. No hooks: rendered inside the island.
// Quotes and deal titles are the customers' and the CRM's words: translate="no" (not interface text).
import Link from "next/link";
import { formatDate, type Locale } from "@/lib/format";
import type { ConversationsMessages } from "@/lib/i18n/conversations-messages";
import type { ReportResponse } from "@/lib/reports/run-report";
import { OBJECTION_COLOURS } from "@/components/charts/objection-bars";

type Report = ReportResponse<"conversations">;

function ObjectionTag({ type, m }: { type: string | null; m: ConversationsMessages }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-slate-700" data-testid="objection-tag">
      <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: type ? OBJECTION_COLOURS[type] : "#cbd5e1" }} />
      {type ? m.objection[type] : m.noObjection}
    </span>
  );
}

export function LostDealsList({ report, m, locale }: { report: Report; m: ConversationsMessages; locale: Locale }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="lost-deals">
      {report.lostDeals.map((deal) => (
        <li key={deal.dealId} className="flex flex-col gap-1 py-2 sm:flex-row sm:items-baseline sm:gap-3" data-testid="lost-deal">
          <Link href={`/deals/${deal.dealId}`} className="min-w-0 break-words font-medium text-brand-700 hover:underline" translate="no">
            {deal.title}
          </Link>
          <span className="text-xs text-slate-500">
            {deal.managerName ?? m.noManager}
            {deal.closedAt ? ` · ${formatDate(new Date(deal.closedAt), report.timezone, locale)}` : ""}
          </span>
          <span className="min-w-0 sm:ml-auto sm:text-right">
            <ObjectionTag type={deal.type} m={m} />
            {deal.quote ? (
              <span className="block break-words text-xs text-slate-600" translate="no">
                «{deal.quote}»
              </span>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function QuotesList({ report, m, locale }: { report: Report; m: ConversationsMessages; locale: Locale }) {
  const types = [...new Set(report.quotes.map((quote) => quote.type))];
  return (
    <div className="grid gap-4 sm:grid-cols-2" data-testid="quotes">
      {types.map((type) => (
        <section key={type} data-testid="quote-group" data-type={type}>
          <h3 className="mb-1">
            <ObjectionTag type={type} m={m} />
          </h3>
          <ul className="space-y-2">
            {report.quotes
              .filter((quote) => quote.type === type)
              .map((quote, i) => (
                <li key={i} className="min-w-0 text-sm">
                  <blockquote className="break-words border-l-2 border-slate-200 pl-2 text-slate-800" data-testid="quote" translate="no">
                    «{quote.quote}»
                  </blockquote>
                  <p className="pl-2 text-xs text-slate-500">
                    <Link href={`/deals/${quote.dealId}`} className="text-brand-700 hover:underline" translate="no">
                      {quote.dealTitle}
                    </Link>
                    {` · ${quote.managerName ?? m.noManager} · ${formatDate(new Date(quote.occurredAt), report.timezone, locale)}`}
                  </p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

// The top of the deal card's conversation: the deal in brief (its newest texts' summaries), the
// objections its texts raised, and the "at risk" flag with its reason (lib/deals/deal-insight.ts).
import type { DealCard } from "@/lib/deals/deal-card";
import { formatPlural, type Locale } from "@/lib/format";
import type { DealCardMessages } from "@/lib/i18n/deal-card-messages";
import { fill } from "@/lib/i18n/fill";

export function DealInsight({ card, t, locale }: { card: DealCard; t: DealCardMessages; locale: Locale }) {
  const { summary, risk } = card;
  // Each type once, newest first, as the texts raised them.
  const objections = [...new Set(card.conversation.flatMap((text) => text.analysis?.objections.map((objection) => objection.type) ?? []))];
  if (!summary && !risk?.isAtRisk && objections.length === 0) return null;
  const tone = (risk?.recentSentiment ?? 0).toLocaleString(locale === "ru" ? "ru-RU" : "en-GB", { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  return (
    <div className="mb-4 space-y-3 rounded-lg bg-slate-50 p-3 text-sm" data-testid="deal-insight">
      {risk?.isAtRisk ? (
        <p className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800" role="note" data-testid="deal-risk">
          <span className="font-semibold">{t.insight.risk}:</span>{" "}
          {fill(t.insight.riskReason, { tone, days: formatPlural(risk.daysSinceTouch ?? 0, t.days, locale), quiet: formatPlural(risk.quietDays, t.days, locale) })}
        </p>
      ) : null}
      {summary ? (
        <div data-testid="deal-summary">
          <p className="font-medium text-slate-700">{t.insight.summary}</p>
          <p className="break-words text-slate-800" data-testid="deal-summary-text" translate="no">
            {summary.sentences.join(" ")}
          </p>
          <p className="text-xs text-slate-500">
            {summary.analyser === "model" ? t.insight.summaryByModel : t.insight.summaryByBasic}
            {summary.isInTextLanguage ? <span data-testid="deal-summary-language">{`; ${summary.analyser === "basic" ? t.insight.summaryAsWrittenBasic : t.insight.summaryAsWritten}`}</span> : null}
          </p>
        </div>
      ) : null}
      {objections.length > 0 ? (
        <p data-testid="deal-objections">
          <span className="font-medium text-slate-700">{t.insight.objections}: </span>
          {objections.map((type) => t.analysis.objection[type]).join(", ")}
        </p>
      ) : null}
    </div>
  );
}

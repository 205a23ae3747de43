// One conversation text's analysis on the deal card: its tone, what the customer wants, the
// objections with the words that raised them, and which analyser said so (issue 18, docs/ai.md).
import type { CardTextAnalysis } from "@/lib/deals/deal-card";
import type { DealCardMessages } from "@/lib/i18n/deal-card-messages";

const toneColour = { positive: "bg-emerald-50 text-emerald-800", neutral: "bg-slate-100 text-slate-700", negative: "bg-rose-50 text-rose-800" } as const;

/** A sentiment beyond ±0.2 reads as a tone; between, neutral. */
export function toneOf(sentiment: number): keyof typeof toneColour {
  if (sentiment > 0.2) return "positive";
  if (sentiment < -0.2) return "negative";
  return "neutral";
}

export function TextAnalysisView({ analysis, t }: { analysis: CardTextAnalysis; t: DealCardMessages }) {
  const tone = toneOf(analysis.sentiment);
  return (
    <div className="mt-2 space-y-1 text-xs">
      <p className="flex flex-wrap items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 font-medium ${toneColour[tone]}`} data-testid="text-tone">{t.analysis.tone[tone]}</span>
        <span className="text-slate-600">{t.analysis.intentLabel}: {t.analysis.intent[analysis.intent]}</span>
      </p>
      {analysis.objections.length > 0 ? (
        <ul className="space-y-0.5" data-testid="text-objections">
          {analysis.objections.map((objection, i) => (
            <li key={i}>
              <span className="font-medium text-amber-800">{t.analysis.objection[objection.type]}</span>
              <span className="text-slate-600"> — «{objection.quote}»</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-slate-500">{analysis.analyser === "model" ? t.analysis.byModel : t.analysis.byBasic}</p>
    </div>
  );
}

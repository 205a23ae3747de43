// The deal card as a person reads it: what the deal is, where it stands and since when, its stage
// history with the days in each stage, its conversation, its activities, its contact and company, and the way to its
// card in the CRM. Server-rendered; lists, not tables, so it reads on a phone without scrolling sideways.
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { DealConversation } from "./deal-conversation";
import { DealInsight } from "./deal-insight";
import { TextAnalysisView } from "./text-analysis";
import type { CardActivity, CardParty, DealCard, TimelineEntry } from "@/lib/deals/deal-card";
import type { DealPatternFigures } from "@/lib/deals/patterns";
import { formatPhone } from "@/lib/contact-details";
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPlural, formatRate, MONEY_DECIMALS, type Locale } from "@/lib/format";
import type { DealCardMessages } from "@/lib/i18n/deal-card-messages";
import { fill } from "@/lib/i18n/fill";

type Props = { card: DealCard; t: DealCardMessages; locale: Locale };

const statusColour = { open: "bg-sky-50 text-sky-800", won: "bg-emerald-50 text-emerald-800", lost: "bg-rose-50 text-rose-800" } as const;

export function DealCardView({ card, t, locale }: Props) {
  const { deal, timezone } = card;
  return (
    <div className="max-w-5xl space-y-6" data-testid="deal-card" data-deal-id={deal.id}>
      <header className="space-y-2">
        <Link href="/deals" className="text-sm text-brand-600 hover:underline">
          {t.back}
        </Link>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="break-words text-2xl font-semibold" data-testid="deal-card-title">{deal.title}</h1>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusColour[deal.status]}`} data-testid="deal-card-status">{t.status[deal.status]}</span>
              <span>{formatMoney(deal.amount, deal.currency, locale, MONEY_DECIMALS.record)}</span>
            </p>
          </div>
          {deal.crmUrl ? (
            <a href={deal.crmUrl} target="_blank" rel="noopener noreferrer" className="inline-flex rounded-lg bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700" data-testid="deal-crm-link">
              {t.openInCrm} ↗
            </a>
          ) : (
            <p className="max-w-xs text-xs text-slate-500" data-testid="deal-crm-link-missing">{t.noCrmLink}</p>
          )}
        </div>
      </header>

      <Card title={t.facts}>
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <Fact label={t.manager} value={deal.manager ?? t.noManager} />
          <Fact label={`${t.pipeline} / ${t.stage}`} value={`${deal.pipeline} / ${deal.stage}`} />
          <Fact label={t.source} value={deal.sourceName} />
          <Fact label={t.created} value={formatDate(deal.createdAt, timezone, locale)} />
          <Fact label={t.closed} value={deal.closedAt ? formatDate(deal.closedAt, timezone, locale) : "—"} />
          {card.winProbability ? <WinChance chance={card.winProbability} timezone={timezone} t={t} locale={locale} /> : null}
        </dl>
      </Card>

      <Card title={t.patterns}>
        <Patterns patterns={card.patterns} isOpen={deal.status === "open"} t={t} locale={locale} />
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t.timeline}>
          <Timeline entries={card.timeline} timezone={timezone} t={t} locale={locale} />
        </Card>
        <Card title={`${t.contact} · ${t.company}`}>
          <div className="space-y-4 text-sm">
            <Party party={card.contact} empty={t.noContact} testId="deal-contact" />
            <Party party={card.company} empty={t.noCompany} testId="deal-company" />
          </div>
        </Card>
      </div>

      <Card title={t.conversation}>
        <DealInsight card={card} t={t} locale={locale} />
        <DealConversation texts={card.conversation} total={card.conversationTotal} timezone={timezone} t={t} locale={locale} renderAnalysis={(text) => (text.analysis ? <TextAnalysisView analysis={text.analysis} t={t} /> : null)} />
      </Card>

      <Card title={t.activities}>
        <Activities activities={card.activities} total={card.activitiesTotal} timezone={timezone} t={t} locale={locale} />
      </Card>
    </div>
  );
}

/** The open deal's chance from the organisation's newest model, and which model said so (docs/models.md). */
function WinChance({ chance, timezone, t, locale }: { chance: NonNullable<DealCard["winProbability"]>; timezone: string; t: DealCardMessages; locale: Locale }) {
  const which = fill(chance.kind === "logistic" ? t.winModel : t.winStageRate, { version: chance.modelVersion, date: formatDate(chance.trainedAt, timezone, locale) });
  return (
    <div data-testid="deal-win-probability">
      <dt className="text-slate-500">{t.winProbability}</dt>
      <dd className="font-medium">{formatRate(chance.probability, locale)}</dd>
      <dd className="text-xs text-slate-500">{which}</dd>
    </div>
  );
}

/** The stored patterns (docs/deal-card.md): counts, then the day figures; days to close only once closed. */
function Patterns({ patterns, isOpen, t, locale }: { patterns: DealPatternFigures | null; isOpen: boolean; t: DealCardMessages; locale: Locale }) {
  if (!patterns) return <p className="text-sm text-slate-500" data-testid="deal-patterns-pending">{t.patternsPending}</p>;
  const n = (value: number | null) => (value === null ? "—" : formatNumber(value, locale));
  const figures: [keyof DealCardMessages["pattern"], string][] = [
    ["touches", n(patterns.touches)],
    ["daysSinceTouch", patterns.daysSinceTouch === null ? t.noTouchYet : n(patterns.daysSinceTouch)],
    ["activities", n(patterns.activities)],
    ["calls", n(patterns.calls)],
    ["emails", n(patterns.emails)],
    ["meetings", n(patterns.meetings)],
    ["tasks", n(patterns.tasks)],
    ["daysOpen", n(patterns.daysOpen)],
    ...(isOpen ? [] : ([["daysToClose", n(patterns.daysToClose)]] as [keyof DealCardMessages["pattern"], string][])),
    ["stageChanges", n(patterns.stageChanges)],
    ["movesBack", n(patterns.movesBack)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-4" data-testid="deal-patterns">
      {figures.map(([key, value]) => (
        <div key={key} className="min-w-0" data-testid={`pattern-${key}`}>
          <dt className="text-slate-500">{t.pattern[key]}</dt>
          <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words font-medium text-slate-900">{value}</dd>
    </div>
  );
}

function Timeline({ entries, timezone, t, locale }: { entries: TimelineEntry[]; timezone: string; t: DealCardMessages; locale: Locale }) {
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4 text-sm" data-testid="deal-timeline">
      {entries.map((entry, index) => {
        const isLast = index === entries.length - 1;
        const stay = entry.days === null ? t.ended : formatPlural(entry.days, t.days, locale);
        return (
          <li key={`${entry.stageId}-${entry.enteredAt}`} className="relative" data-testid="timeline-entry" data-stage={entry.stageName} data-days={entry.days ?? ""} data-backward={entry.isBackward}>
            <span aria-hidden className={`absolute -left-[1.4rem] top-1.5 h-2.5 w-2.5 rounded-full ${entry.isBackward ? "bg-amber-500" : "bg-brand-600"}`} />
            <p className="font-medium text-slate-900">
              {entry.stageName}
              {entry.isBackward ? <span className="ml-2 rounded bg-amber-50 px-1.5 py-0.5 text-xs font-normal text-amber-800">↩ {t.backwards}</span> : null}
            </p>
            <p className="text-slate-500">
              {fill(t.entered, { date: formatDateTime(new Date(entry.enteredAt), timezone, locale) })} · <span data-testid="timeline-days">{stay}</span>
              {isLast && entry.semantic === "open" ? ` · ${t.inStageNow}` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function Activities({ activities, total, timezone, t, locale }: { activities: CardActivity[]; total: number; timezone: string; t: DealCardMessages; locale: Locale }) {
  if (activities.length === 0) return <p className="text-sm text-slate-500" data-testid="deal-activities-empty">{t.noActivities}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="deal-activities">
        {activities.map((activity) => {
          const details = [
            activity.direction ? (t.direction[activity.direction] ?? null) : null,
            activity.type === "call" && activity.durationSeconds !== null
              ? fill(t.talkTime, { m: Math.floor(activity.durationSeconds / 60), s: activity.durationSeconds % 60 })
              : null,
            activity.isCompleted ? t.done : t.planned,
            activity.managerName,
          ].filter(Boolean);
          return (
            <li key={activity.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2" data-testid="deal-activity" data-type={activity.type}>
              <span className="min-w-0 break-words">
                <span className="font-medium text-slate-900">{t.type[activity.type]}</span>
                {activity.subject ? <span className="text-slate-700"> · {activity.subject}</span> : null}
                <span className="block text-xs text-slate-500">{details.join(" · ")}</span>
              </span>
              <span className="whitespace-nowrap text-xs text-slate-500">{formatDateTime(activity.startAt, timezone, locale)}</span>
            </li>
          );
        })}
      </ul>
      {total > activities.length ? <p className="mt-2 text-xs text-slate-500">{fill(t.moreActivities, { shown: activities.length, total })}</p> : null}
    </>
  );
}

function Party({ party, empty, testId }: { party: CardParty | null; empty: string; testId: string }) {
  if (!party) return <p className="text-slate-500" data-testid={`${testId}-empty`}>{empty}</p>;
  return (
    <div className="min-w-0" data-testid={testId}>
      <p className="break-words font-medium text-slate-900">{party.name}</p>
      {party.phone ? (
        <a href={`tel:${party.phone}`} className="block text-brand-600 hover:underline">
          {formatPhone(party.phone)}
        </a>
      ) : null}
      {party.email ? (
        <a href={`mailto:${party.email}`} className="block break-all text-brand-600 hover:underline">
          {party.email}
        </a>
      ) : null}
    </div>
  );
}

"use client";
// A date field typed as YYYY-MM-DD or picked from a calendar whose weeks start on Monday. The
// browser's own date picker starts weeks as the browser's language says (Sunday in en-US), and
// our weeks start on Monday everywhere, so the calendar is drawn here.
import { addDays, addMonths, format, isSameMonth, parseISO, startOfMonth, startOfWeek } from "date-fns";
import { useRef, useState, type InputHTMLAttributes } from "react";
import { type Locale, localeTag } from "@/lib/format";
import { useDismiss } from "@/components/ui/use-dismiss";

const datePattern = /^\d{4}-\d\d-\d\d$/;

type Props = {
  id: string;
  /** The field's name in a plain form (the audit log's filters, the rate form). */
  name?: string;
  /** aria-invalid / aria-describedby of a refused field (errorProps). */
  inputProps?: Pick<InputHTMLAttributes<HTMLInputElement>, "aria-invalid" | "aria-describedby" | "required">;
  value: string;
  min?: string;
  max?: string;
  locale: Locale;
  labels: { open: string; previousMonth: string; nextMonth: string; format: string };
  /** Opens the calendar towards the left: the input sits at the right edge of a phone. */
  alignEnd?: boolean;
  onChange: (value: string) => void;
  onBlur?: () => void;
};

/** "Декабрь 2025" / "December 2025": without the Russian "г." and with a capital letter. */
function monthTitleOf(month: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(localeTag(locale), { month: "long", year: "numeric" }).format(month).replace(/\s?г\.$/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function CalendarIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="4.5" width="14" height="12.5" rx="2" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" strokeLinecap="round" />
    </svg>
  );
}

/** The six Monday-first weeks that show `month` (dates as local calendar days, no time zone involved). */
export function calendarDays(month: Date): Date[] {
  const first = startOfWeek(startOfMonth(month), { weekStartsOn: 1 });
  return Array.from({ length: 42 }, (_, index) => addDays(first, index));
}

export function DateInput({ id, name, inputProps, value, min, max, locale, labels, alignEnd = false, onChange, onBlur }: Props) {
  const [isOpen, setIsOpen] = useState(false);
  const [shownMonth, setShownMonth] = useState(() => startOfMonth(datePattern.test(value) ? parseISO(value) : new Date()));
  const root = useRef<HTMLDivElement>(null);

  useDismiss(root, isOpen, () => setIsOpen(false));

  const open = () => {
    if (datePattern.test(value)) setShownMonth(startOfMonth(parseISO(value)));
    setIsOpen((current) => !current);
  };
  const weekdays = calendarDays(new Date(2025, 0, 1)).slice(0, 7).map((day) => new Intl.DateTimeFormat(localeTag(locale), { weekday: "short" }).format(day));
  const monthTitle = monthTitleOf(shownMonth, locale);

  return (
    <div ref={root} className="relative">
      <div className="flex">
        <input
          id={id}
          name={name}
          {...inputProps}
          value={value}
          inputMode="numeric"
          placeholder={labels.format}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          className="w-full rounded-l-lg border border-slate-300 bg-white px-3 py-2 text-sm tabular-nums focus:border-brand-500"
        />
        <button type="button" aria-label={labels.open} aria-expanded={isOpen} onClick={open} className="rounded-r-lg border border-l-0 border-slate-300 bg-white px-2 text-slate-600 hover:bg-slate-50">
          <CalendarIcon />
        </button>
      </div>
      {isOpen ? (
        <div role="dialog" aria-label={monthTitle} className={`absolute z-30 mt-1 w-64 ${alignEnd ? "right-0 md:left-0 md:right-auto" : "left-0"} rounded-lg border border-slate-200 bg-white p-2 shadow-lg`} data-testid="calendar">
          <div className="mb-1 flex items-center justify-between text-sm">
            <button type="button" aria-label={labels.previousMonth} className="rounded px-2 py-1 hover:bg-slate-100" onClick={() => setShownMonth((month) => addMonths(month, -1))}>
              ‹
            </button>
            <span className="font-medium">{monthTitle}</span>
            <button type="button" aria-label={labels.nextMonth} className="rounded px-2 py-1 hover:bg-slate-100" onClick={() => setShownMonth((month) => addMonths(month, 1))}>
              ›
            </button>
          </div>
          <div className="grid grid-cols-7 gap-0.5 text-center text-xs" role="grid">
            {weekdays.map((weekday) => (
              <span key={weekday} className="py-1 text-slate-500" role="columnheader" data-testid="calendar-weekday">
                {weekday}
              </span>
            ))}
            {calendarDays(shownMonth).map((day) => {
              const key = format(day, "yyyy-MM-dd");
              const isDisabled = (min !== undefined && key < min) || (max !== undefined && key > max);
              return (
                <button
                  key={key}
                  type="button"
                  role="gridcell"
                  aria-selected={key === value}
                  disabled={isDisabled}
                  onClick={() => {
                    onChange(key);
                    setIsOpen(false);
                  }}
                  className={`rounded py-1 tabular-nums disabled:opacity-30 ${key === value ? "bg-brand-600 text-white" : isSameMonth(day, shownMonth) ? "hover:bg-slate-100" : "text-slate-500 hover:bg-slate-100"}`}
                  data-date={key}
                >
                  {day.getDate()}
                </button>
              );
            })}
          </div>
        </div>
      ) : null}
    </div>
  );
}

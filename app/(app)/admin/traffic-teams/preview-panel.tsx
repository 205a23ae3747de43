"use client";
// The answer of "Preview": leads and deals per team before → after, and a few rows that would move.
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import type { AttributionPreview, TeamCount } from "@/lib/attribution/preview";
import { formatNumber, type Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import type { TrafficMessages } from "@/lib/i18n/traffic-messages";

type Props = { preview: AttributionPreview; t: TrafficMessages["preview"]; locale: Locale; onClose: () => void };

export function PreviewPanel({ preview, t, locale, onClose }: Props) {
  const nothing = preview.leads.moved === 0 && preview.deals.moved === 0;
  return (
    <Card title={t.title}>
      <div data-testid="attribution-preview" className="space-y-4">
        {nothing ? <p className="text-sm text-slate-500">{t.nothing}</p> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Counts title={t.leads} part={preview.leads} t={t} locale={locale} />
          <Counts title={t.deals} part={preview.deals} t={t} locale={locale} />
        </div>
        {preview.examples.length > 0 ? (
          <div>
            <h3 className="text-xs font-semibold text-slate-500">{t.examples}</h3>
            <ul className="mt-1 space-y-1 text-sm">
              {preview.examples.map((example) => (
                <li key={`${example.kind}-${example.id}`}>
                  {example.title} · <span className="font-mono text-xs">{[example.utm.utmSource, example.utm.utmCampaign].filter(Boolean).join(" / ")}</span> ·{" "}
                  {example.from ?? t.unattributed} → <strong>{example.to ?? t.unattributed}</strong>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Button variant="ghost" onClick={onClose}>
          ✕
        </Button>
      </div>
    </Card>
  );
}

function Counts({ title, part, t, locale }: { title: string; part: { counts: TeamCount[]; moved: number }; t: Props["t"]; locale: Locale }) {
  const count = (value: number) => formatNumber(value, locale);
  return (
    <div>
      <h3 className="text-xs font-semibold text-slate-500">
        {title} · {fill(t.moved, { count: count(part.moved) })}
      </h3>
      <DataTable
        columns={[
          { key: "team", label: t.team, render: (row) => (row.teamId ? row.name : t.unattributed) },
          { key: "before", label: t.before, isNumeric: true, render: (row) => count(row.before) },
          { key: "after", label: t.after, isNumeric: true, render: (row) => count(row.after) },
        ]}
        rows={part.counts}
        rowKey={(row) => row.teamId ?? "none"}
        label={title}
        rowProps={(row) => ({ className: row.before !== row.after ? "font-medium" : "text-slate-500" })}
      />
    </div>
  );
}

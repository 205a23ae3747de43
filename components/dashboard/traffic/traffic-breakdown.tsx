"use client";
// One team's leads, sales, revenue and spend by utm_source or by utm_campaign: which tags of a team
// bring customers and which only cost money. For the Unattributed row it shows the tags no rule caught.
// A row's leads and won deals open the lists of them (the team and the tag in any case, as grouped here).
import { useState } from "react";
import type { Column } from "@/components/ui/data-table";
import { SortedDataTable } from "@/components/ui/sorted-data-table";
import { dealsHref, wonBucket } from "@/components/deals/deal-links";
import { FigureLink } from "@/components/leads/figure-link";
import { leadsHref, trafficTagBucket } from "@/components/leads/lead-links";
import { Select } from "@/components/ui/field";
import type { TrafficFigures, TrafficTeamsResult } from "@/lib/reports/traffic-teams";
import { figureColumns, type FigureFormat, type TrafficTexts } from "./traffic-columns";

type Dimension = "source" | "campaign";
type Row = TrafficFigures & { value: string | null };

type Props = {
  result: Pick<TrafficTeamsResult, "rows" | "bySource" | "byCampaign">;
  teamId: string | null;
  onSelectTeam: (teamId: string | null) => void;
  format: FigureFormat;
  t: TrafficTexts;
  /** The dashboard's filter query, which the lists keep. */
  query: string;
};

const NO_TEAM = "unattributed";

export function TrafficBreakdown({ result, teamId, onSelectTeam, format, t, query }: Props) {
  const [dimension, setDimension] = useState<Dimension>("source");
  const rows: Row[] =
    dimension === "source"
      ? result.bySource.filter((row) => row.teamId === teamId).map(({ utmSource, ...figures }) => ({ ...figures, value: utmSource }))
      : result.byCampaign.filter((row) => row.teamId === teamId).map(({ utmCampaign, ...figures }) => ({ ...figures, value: utmCampaign }));
  const columns: Column<Row>[] = [
    {
      key: "value",
      testId: "value",
      label: dimension === "source" ? t.bySource : t.byCampaign,
      sortValue: (row) => row.value,
      render: (row) => (row.value === null ? <span className="italic text-slate-500">{t.notSet}</span> : row.value),
    },
    ...figureColumns<Row>(t, { ...format, isAllocated: format.isAllocated && teamId !== null }).map((column) => {
      const tag = dimension === "source" ? "utmSource" : "utmCampaign";
      if (column.key === "leads") {
        return { ...column, render: (row: Row) => <FigureLink count={row.leads} href={leadsHref(query, trafficTagBucket(teamId, tag, row.value))} locale={format.locale} testId="breakdown-leads-link" /> };
      }
      if (column.key === "wonDeals") {
        const href = (row: Row) => dealsHref("traffic", query, { ...wonBucket, ...trafficTagBucket(teamId, tag, row.value) });
        return { ...column, render: (row: Row) => <FigureLink count={row.wonDeals} href={href(row)} locale={format.locale} testId="breakdown-deals-link" /> };
      }
      return column;
    }),
  ];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <span>{t.breakdownTeam}</span>
          <Select className="!w-56" value={teamId ?? NO_TEAM} onChange={(event) => onSelectTeam(event.target.value === NO_TEAM ? null : event.target.value)} data-testid="breakdown-team">
            {result.rows.map((row) => (
              <option key={row.teamId ?? NO_TEAM} value={row.teamId ?? NO_TEAM}>
                {row.teamName ?? t.unattributed}
              </option>
            ))}
          </Select>
        </label>
        <span className="inline-flex gap-1" role="group" aria-label={t.breakdown}>
          {(["source", "campaign"] as const).map((key) => (
            <button
              key={key}
              type="button"
              aria-pressed={dimension === key}
              onClick={() => setDimension(key)}
              className={`rounded-lg px-3 py-1 text-xs font-medium ${dimension === key ? "bg-brand-600 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {key === "source" ? t.bySource : t.byCampaign}
            </button>
          ))}
        </span>
      </div>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-500" data-testid="traffic-breakdown-empty">
          {t.breakdownEmpty}
        </p>
      ) : (
        <SortedDataTable
          label={t.breakdown}
          key={`${teamId ?? NO_TEAM}-${dimension}`}
          columns={columns}
          rows={rows}
          rowKey={(row) => row.value ?? ""}
          initialSort={{ sort: "leads", order: "desc" }}
          testId="traffic-breakdown-table"
          rowProps={() => ({ "data-testid": "breakdown-row" })}
          sortLabel={t.sortBy}
        />
      )}
    </div>
  );
}

"use client";
// The teams of the traffic dashboard side by side, sortable, with the Unattributed row and the
// teams' totals kept below. A team's name selects it for the breakdown card; its leads and won
// deals open the lists of them (`teamId`, "none" for Unattributed).
import { FooterRow, type Column } from "@/components/ui/data-table";
import { SortedDataTable } from "@/components/ui/sorted-data-table";
import { dealsHref, wonBucket } from "@/components/deals/deal-links";
import { FigureLink } from "@/components/leads/figure-link";
import { leadsHref } from "@/components/leads/lead-links";
import { teamColour } from "@/lib/attribution/team-colour";
import { formatRate } from "@/lib/format";
import type { TrafficTeamRow, TrafficTeamsResult } from "@/lib/reports/traffic-teams";
import { figureCells, figureColumns, type FigureFormat, type TrafficTexts } from "./traffic-columns";

type Props = {
  result: Pick<TrafficTeamsResult, "rows" | "totals">;
  format: FigureFormat;
  t: TrafficTexts;
  selectedTeamId: string | null;
  onSelectTeam: (teamId: string) => void;
  /** The dashboard's filter query, which the lists keep. */
  query: string;
};

export function TeamSwatch({ color }: { color: string | null }) {
  return <span aria-hidden className="inline-block h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: teamColour(color) }} />;
}

export function TrafficTeamsTable({ result, format, t, selectedTeamId, onSelectTeam, query }: Props) {
  const teams = result.rows.filter((row) => row.teamId !== null);
  const unattributed = result.rows.find((row) => row.teamId === null);
  const shares = (row: Pick<TrafficTeamRow, "leadShare" | "revenueShare">) => ({ leadShare: formatRate(row.leadShare, format.locale), revenueShare: formatRate(row.revenueShare, format.locale) });
  // The counts as links: the team's leads created in the period, its deals won in it (the report's rules).
  const links = (row: TrafficTeamRow) => {
    const teamId = row.teamId ?? "none";
    return {
      leads: <FigureLink count={row.leads} href={leadsHref(query, { teamId })} locale={format.locale} testId="team-leads-link" />,
      wonDeals: <FigureLink count={row.wonDeals} href={dealsHref("traffic", query, { ...wonBucket, teamId })} locale={format.locale} testId="team-deals-link" />,
    };
  };
  const columns: Column<TrafficTeamRow>[] = [
    {
      key: "team",
      testId: "team",
      label: t.team,
      sortValue: (row) => row.teamName,
      render: (row) => (
        <button
          type="button"
          title={t.showBreakdown}
          aria-pressed={row.teamId === selectedTeamId}
          onClick={() => onSelectTeam(row.teamId!)}
          className={`inline-flex items-center gap-2 text-left hover:underline ${row.teamId === selectedTeamId ? "font-semibold text-brand-700" : ""}`}
        >
          <TeamSwatch color={row.color} />
          <span>
            {row.emoji ? `${row.emoji} ` : ""}
            {row.teamName}
          </span>
          {row.isActive === false ? <span className="text-xs font-normal text-slate-500">({t.inactive})</span> : null}
        </button>
      ),
    },
    ...figureColumns<TrafficTeamRow>(t, format).map((column) =>
      column.key === "leads" || column.key === "wonDeals" ? { ...column, render: (row: TrafficTeamRow) => links(row)[column.key as "leads" | "wonDeals"] } : column,
    ),
    { key: "leadShare", testId: "leadShare", label: t.leadShare, isNumeric: true, sortValue: (row) => row.leadShare, render: (row) => shares(row).leadShare },
    { key: "revenueShare", testId: "revenueShare", label: t.revenueShare, isNumeric: true, sortValue: (row) => row.revenueShare, render: (row) => shares(row).revenueShare },
  ];
  return (
    <SortedDataTable
      label={t.table}
      columns={columns}
      rows={teams}
      rowKey={(row) => row.teamId ?? "none"}
      initialSort={{ sort: "leads", order: "desc" }}
      testId="traffic-table"
      rowProps={() => ({ "data-testid": "traffic-row" })}
      sortLabel={t.sortBy}
      footer={
        <>
          {unattributed ? (
            <FooterRow
              testId="traffic-unattributed"
              className="font-normal italic text-slate-600"
              name={<span title={t.unattributedHint}>{t.unattributed}</span>}
              cells={{ ...figureCells(unattributed, format), ...shares(unattributed), ...links(unattributed) }}
              columns={columns}
            />
          ) : null}
          <FooterRow testId="traffic-totals" name={t.total} cells={figureCells(result.totals, format)} columns={columns} />
        </>
      }
    />
  );
}

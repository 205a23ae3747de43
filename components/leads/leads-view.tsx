"use client";
// The leads behind a dashboard figure: what was clicked, how many leads, and the table sorted on
// the server with keyset pages — the deals list's table pieces (../lists) with the leads' columns.
import { useSearchParams } from "next/navigation";
import { filterKeys } from "@/lib/reports/report-query";
import { ListCard } from "@/components/lists/list-card";
import { ListSummary } from "@/components/lists/list-summary";
import { ListPager, listQuery, useListSort } from "@/components/lists/list-table";
import type { Column } from "@/components/ui/data-table";
import { formatDate, formatMonthKey, formatPlural, type Locale } from "@/lib/format";
import type { DashboardMessages } from "@/lib/i18n/dashboard-messages";
import type { LeadListRow, LeadSort } from "@/lib/leads/lead-list";
import { leadBucketKeys } from "./lead-links";
import { useLeads } from "./use-leads";

type T = DashboardMessages["leadList"];
type Props = { locale: Locale; t: T; loadingText: string; failedText: string };

const listKeys = [...filterKeys, ...leadBucketKeys, "sort", "order"] as readonly string[];

export function LeadsView({ locale, t, loadingText, failedText }: Props) {
  const params = listQuery(useSearchParams(), listKeys);
  const query = new URLSearchParams(params).toString();
  const leads = useLeads(query, locale);
  const { data } = leads;
  const sorting = useListSort<LeadSort>(params, "created", ["title", "manager"]);
  const date = (iso: string) => (data ? formatDate(new Date(iso), data.timezone, locale) : "—");

  return (
    <div className="space-y-4">
      <BucketSummary params={params} rows={data?.leads ?? []} period={data?.period ?? null} timezone={data?.timezone ?? "UTC"} locale={locale} t={t} />
      <ListCard
        kind="leads"
        params={params}
        total={data ? formatPlural(data.total, t.count, locale) : t.list}
        list={leads}
        hasData={data !== null}
        isEmpty={data !== null && data.total === 0}
        texts={{ loading: loadingText, failed: failedText, empty: t.empty }}
        label={t.list}
        columns={leadColumns(date, t)}
        rows={data?.leads ?? []}
        rowKey={(lead) => lead.id}
        rowProps={(lead) => ({ "data-testid": "lead-row", "data-lead-id": lead.id, "data-manager-id": lead.managerId ?? "", "data-converted": String(lead.isConverted) })}
        sorting={sorting}
        pager={<ListPager list={leads} t={t} testId="leads-page" />}
      />
    </div>
  );
}

function leadColumns(date: (iso: string) => string, t: T): Column<LeadListRow>[] {
  const muted = "italic text-slate-500";
  // A form submission says whether it reached the CRM; a counted lead whether it converted.
  const outcome = (lead: LeadListRow) => (lead.reachedCrm !== null ? (lead.reachedCrm ? t.reachedCrm : t.lostOnTheWay) : lead.isConverted ? t.converted : null);
  const below = (text: string | null) => (text ? <span className="block text-xs text-slate-500">{text}</span> : null);
  return [
    {
      key: "title",
      sortKey: "title",
      label: t.leadTitle,
      className: "min-w-36",
      testId: "lead-title",
      render: (lead) => (
        <>
          {lead.title}
          {below(lead.formName ? `${lead.sourceName} · ${t.form}: ${lead.formName}` : lead.sourceName)}
        </>
      ),
    },
    { key: "manager", sortKey: "manager", label: t.manager, testId: "lead-manager", className: (lead) => (lead.managerName ? "" : muted), render: (lead) => lead.managerName ?? t.noManager },
    {
      key: "channel",
      label: t.channel,
      testId: "lead-channel",
      render: (lead) => (
        <>
          <span className={lead.channel ? "" : muted}>{lead.channel ?? t.notSet}</span>
          {below(lead.utmSource ? `utm_source: ${lead.utmSource}` : null)}
        </>
      ),
    },
    {
      key: "status",
      label: t.status,
      testId: "lead-status",
      render: (lead) => (
        <>
          {t.crmStatus[lead.status]}
          {below(outcome(lead))}
        </>
      ),
    },
    { key: "team", label: t.team, testId: "lead-team", className: (lead) => (lead.teamName ? "" : muted), render: (lead) => lead.teamName ?? t.unattributed },
    { key: "created", sortKey: "created", label: t.created, testId: "lead-created", className: "whitespace-nowrap tabular-nums", render: (lead) => date(lead.createdAt) },
  ];
}

/** What the list holds, in words: "Конвертированные · Источник: Сайт · март 2025". */
function BucketSummary(props: { params: Record<string, string>; rows: LeadListRow[]; period: { from: string; to: string } | null; timezone: string; locale: Locale; t: T }) {
  const { params, rows, period, timezone, locale, t } = props;
  const parts: string[] = [];
  if (params.status === "converted" || params.status === "not-converted") parts.push(t.conversion[params.status]);
  if (params.matched === "reached" || params.matched === "lost" || params.matched === "all") parts.push(t.matched[params.matched]);
  if (params.channel) parts.push(`${t.channel}: ${params.channel}`);
  if (params.utmSource) parts.push(`utm_source: ${params.utmSource}`);
  if (params.utmCampaign) parts.push(`utm_campaign: ${params.utmCampaign}`);
  if (params.form) parts.push(`${t.form}: ${params.form}`);
  if (params.notSet && Object.hasOwn(t.notSetOf, params.notSet)) parts.push(t.notSetOf[params.notSet as keyof T["notSetOf"]]);
  if (params.teamId) parts.push(`${t.team}: ${params.teamId === "none" ? t.unattributed : (rows[0]?.teamName ?? "…")}`);
  if (params.month) parts.push(formatMonthKey(params.month, locale));
  if (params.managerId && rows[0]) parts.push(`${t.manager}: ${rows[0].managerName ?? t.noManager}`);
  return <ListSummary kind="leads" parts={parts} allText={t.allLeads} period={period} timezone={timezone} locale={locale} t={t} />;
}

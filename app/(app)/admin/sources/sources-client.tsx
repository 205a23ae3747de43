"use client";
// The Sources page island: the list (refetched after every change), the add form, and per source
// its actions and sync panel.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import type { Locale } from "@/lib/format";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";
import type { SourceListItem } from "@/lib/sources/manage-sources";
import { AddSourceForm } from "./add-source-form";
import { callApi } from "@/lib/api/call-api";
import { SourceCard } from "./source-card";

type Props = { initialSources: SourceListItem[]; t: SourcesMessages; locale: Locale; timezone: string; currency: string };

export function SourcesClient({ initialSources, t, locale, timezone, currency }: Props) {
  const queryClient = useQueryClient();
  const { data: sources = initialSources } = useQuery({
    queryKey: ["sources"],
    queryFn: async () => (await callApi<{ sources: SourceListItem[] }>("/api/sources")).sources,
    initialData: initialSources,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["sources"] });
  return (
    <div className="space-y-6">
      {sources.length === 0 ? <p className="text-sm text-slate-500">{t.empty}</p> : null}
      <div className="space-y-4" data-testid="sources-list">
        {sources.map((source) => (
          <SourceCard key={source.id} source={source} t={t} locale={locale} timezone={timezone} currency={currency} onChanged={refresh} />
        ))}
      </div>
      <Card title={t.add.title}>
        <AddSourceForm t={t} locale={locale} onCreated={refresh} />
      </Card>
    </div>
  );
}

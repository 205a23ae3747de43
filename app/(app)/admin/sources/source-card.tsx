"use client";
// One source: what it is, where it posts (its secret hidden until asked for), and its actions (test,
// sync, delete) with the sync panel, and for a shop the upload of its past orders.
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Locale } from "@/lib/format";
import { fill } from "@/lib/i18n/fill";
import { describeError } from "@/lib/i18n/describe-error";
import { describeTestFailure, type SourcesMessages } from "@/lib/i18n/sources-messages";
import type { SourceListItem } from "@/lib/sources/manage-sources";
import { callApi } from "@/lib/api/call-api";
import { AppTokenForm } from "./app-token-form";
import { HealthSummary } from "./health-summary";
import { describeKind, isCrmKind } from "@/lib/connectors/descriptors";
import { InboundAddress } from "./inbound-address";
import { FieldMappingForm } from "./field-mapping-form";
import { WriteBackForm } from "./write-back-form";
import { MatchWindowForm } from "./match-window-form";
import { QualifiedStagesForm } from "./qualified-stages-form";
import { OrdersUpload } from "./orders-upload";
import { ShopStatusSection } from "./shop-status-form";
import { SyncPanel } from "./sync-panel";

type TestResult = { ok: true; portal: string; user: { name: string } } | { ok: false; reason: string; params: Record<string, string | number>; details?: string };

type Props = { source: SourceListItem; t: SourcesMessages; locale: Locale; timezone: string; currency: string; onChanged: () => void };

export function SourceCard({ source, t, locale, timezone, currency, onChanged }: Props) {
  const [test, setTest] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [isTesting, setTesting] = useState(false);
  const isCrm = isCrmKind(source.kind);

  async function runTest() {
    setTesting(true);
    setTest(null);
    try {
      const result = await callApi<TestResult>(`/api/sources/${source.id}/test`, { method: "POST", body: {} });
      setTest(
        result.ok
          ? { tone: "success", text: fill(t.testOk, { portal: result.portal, user: result.user.name }) }
          : { tone: "error", text: describeTestFailure(t, result) },
      );
    } catch (e) {
      setTest({ tone: "error", text: fill(t.error, { message: describeError(e, locale) }) });
    } finally {
      setTesting(false);
      onChanged(); // the check is remembered on the source: its health may have changed
    }
  }

  async function remove() {
    if (!window.confirm(fill(t.confirmDelete, { name: source.name }))) return;
    try {
      await callApi(`/api/sources/${source.id}`, { method: "DELETE" });
      onChanged();
    } catch (e) {
      setTest({ tone: "error", text: fill(t.error, { message: describeError(e, locale) }) });
    }
  }

  return (
    <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" data-testid="source-card" aria-label={source.name}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold text-slate-900">{source.name}</h2>
          <p className="text-sm text-slate-500">
            {t.kinds[source.kind]}
            {source.host ? ` · ${source.host}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {isCrm ? (
            <Button variant="secondary" onClick={runTest} disabled={isTesting}>
              {isTesting ? t.testing : t.test}
            </Button>
          ) : null}
          <Button variant="ghost" onClick={remove}>
            {t.delete}
          </Button>
        </div>
      </div>
      <HealthSummary health={source.health} locale={locale} />
      <InboundAddress source={source} t={t} locale={locale} />
      {describeKind(source.kind).needsApplicationToken && !source.hasApplicationToken ? <AppTokenForm sourceId={source.id} t={t} locale={locale} onSaved={onChanged} /> : null}
      {source.qualifiedStages ? <QualifiedStagesForm sourceId={source.id} choices={source.qualifiedStages} t={t} locale={locale} onSaved={onChanged} /> : null}
      {source.mapsTrafficFields && source.hasCredentials ? <FieldMappingForm sourceId={source.id} t={t} locale={locale} /> : null}
      {isCrm && source.hasCredentials ? <WriteBackForm sourceId={source.id} t={t} locale={locale} /> : null}
      {source.matchWindowDays !== undefined ? <MatchWindowForm sourceId={source.id} days={source.matchWindowDays} t={t} locale={locale} onSaved={onChanged} /> : null}
      {test ? (
        <div className="mt-3" data-testid="test-result">
          <Alert tone={test.tone}>{test.text}</Alert>
        </div>
      ) : null}
      {describeKind(source.kind).importsOrders ? <OrdersUpload sourceId={source.id} locale={locale} timezone={timezone} currency={currency} /> : null}
      {describeKind(source.kind).importsOrders ? <ShopStatusSection sourceId={source.id} locale={locale} timezone={timezone} /> : null}
      {isCrm ? <SyncPanel sourceId={source.id} t={t} locale={locale} timezone={timezone} /> : null}
    </section>
  );
}

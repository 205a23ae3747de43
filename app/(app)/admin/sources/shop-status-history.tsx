"use client";
// A shop's «Statuses sent to the shop»: the history per order of the statuses Voronka sent back
// (GET /api/sources/<id>/shop-status/history) and a manual resend of one (docs/shop-status.md).
import { useState, type FormEvent } from "react";
import { useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { FailureText } from "@/components/ui/failure-text";
import { Field, Input } from "@/components/ui/field";
import { callApi } from "@/lib/api/call-api";
import type { RunFailure } from "@/db/schema/common";
import { formatDateTime, type Locale } from "@/lib/format";
import { describeError } from "@/lib/i18n/describe-error";
import { fill } from "@/lib/i18n/fill";
import { shopStatusMessages } from "@/lib/i18n/shop-status-messages";

type State = "pending" | "failed" | "dead" | "sent";
type Delivery = {
  id: string; orderId: string; orderNumber: string | null; status: string; state: State; attempts: number; resends: number;
  lastHttpStatus: number | null; lastError: string | null; lastFailure: RunFailure | null; createdAt: string; deal: { title: string } | null;
};

const tone: Record<State, string> = { pending: "bg-slate-100 text-slate-700", failed: "bg-orange-100 text-orange-800", dead: "bg-red-100 text-red-800", sent: "bg-emerald-100 text-emerald-800" };

type Props = { sourceId: string; locale: Locale; timezone: string };

export function ShopStatusHistory({ sourceId, locale, timezone }: Props) {
  const t = shopStatusMessages[locale];
  const [order, setOrder] = useState("");
  /** The order number shown; "" for the shop's latest statuses. */
  const [shown, setShown] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const history = useQuery({
    queryKey: ["shop-status-history", sourceId, shown],
    queryFn: async () => (await callApi<{ deliveries: Delivery[] }>(`/api/sources/${sourceId}/shop-status/history${shown ? `?order=${encodeURIComponent(shown)}` : ""}`)).deliveries,
  });
  const rows = history.data ?? null;

  async function resend(id: string) {
    setBusyId(id);
    try {
      await callApi(`/api/sources/${sourceId}/shop-status/history/${id}/resend`, { method: "POST" });
      setMessage({ tone: "success", text: t.resent });
      await history.refetch();
    } catch (e) {
      setMessage({ tone: "error", text: fill(t.error, { message: describeError(e, locale) }) });
    } finally {
      setBusyId(null);
    }
  }
  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShown(order.trim());
  }

  const c = t.columns;
  const columns: Column<Delivery>[] = [
    { key: "created", label: c.created, className: "whitespace-nowrap", render: (row) => formatDateTime(new Date(row.createdAt), timezone, locale) },
    { key: "order", label: c.order, render: (row) => row.orderNumber ?? row.orderId },
    { key: "status", label: c.status, className: "font-mono text-xs", render: (row) => row.status },
    { key: "deal", label: c.deal, render: (row) => row.deal?.title ?? "—" },
    { key: "state", label: c.state, render: (row) => <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone[row.state]}`}>{t.state[row.state]}</span> },
    { key: "attempts", label: c.attempts, className: "tabular-nums", render: (row) => row.attempts },
    {
      key: "answer",
      label: c.answer,
      className: "max-w-xs text-xs",
      render: (row) => (row.state === "sent" ? (row.lastHttpStatus ?? "") : <FailureText failure={row.lastFailure} legacyText={row.lastError} locale={locale} />),
    },
    {
      key: "resend",
      label: t.resend,
      render: (row) => (
        <Button type="button" variant="ghost" disabled={busyId !== null} onClick={() => void resend(row.id)}>
          {t.resend}
        </Button>
      ),
    },
  ];
  return (
    <section className="mt-4 space-y-2" data-testid="shop-status-history">
      <h3 className="text-sm font-medium text-slate-900">{t.title}</h3>
      <p className="text-xs text-slate-500">{t.intro}</p>
      <form onSubmit={find} className="flex flex-wrap items-end gap-2">
        <Field label={t.order} htmlFor={`shop-status-order-${sourceId}`}>
          <Input id={`shop-status-order-${sourceId}`} value={order} onChange={(event) => setOrder(event.target.value)} maxLength={100} />
        </Field>
        <Button type="submit" variant="secondary">
          {t.find}
        </Button>
      </form>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {history.error ? <Alert tone="error">{fill(t.error, { message: describeError(history.error, locale) })}</Alert> : null}
      {rows ? <DataTable columns={columns} rows={rows} rowKey={(row) => row.id} label={t.title} testId="shop-status-table" empty={t.empty} rowProps={(row) => ({ "data-testid": "shop-status-row", "data-state": row.state })} /> : null}
    </section>
  );
}

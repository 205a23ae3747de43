import type { WebhooksMessages } from "@/lib/i18n/webhooks-messages";

const tone: Record<keyof WebhooksMessages["status"], string> = {
  pending: "bg-slate-100 text-slate-700",
  processing: "bg-sky-100 text-sky-800",
  done: "bg-emerald-100 text-emerald-800",
  ignored: "bg-slate-100 text-slate-500",
  rejected: "bg-amber-100 text-amber-800",
  failed: "bg-orange-100 text-orange-800",
  dead: "bg-red-100 text-red-800",
};

export function StatusBadge({ status, t }: { status: keyof WebhooksMessages["status"]; t: WebhooksMessages }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ${tone[status]}`} data-status={status}>
      {t.status[status]}
    </span>
  );
}

"use client";
// A pinned view in the sidebar. Its address (/views/<id>) redirects to a dashboard, so it counts as
// the current page while that dashboard shows exactly the view's filters.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { reportQueryString } from "@/lib/reports/report-query";

export function PinnedViewLink({ id, name, dashboardPath, query }: { id: string; name: string; dashboardPath: string; query: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const isCurrent = pathname === dashboardPath && reportQueryString(searchParams) === query;
  return (
    <Link
      href={`/views/${id}`}
      aria-current={isCurrent ? "page" : undefined}
      data-testid="pinned-view"
      className={`block truncate rounded-lg px-3 py-1.5 text-sm ${isCurrent ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100"}`}
    >
      {name}
    </Link>
  );
}

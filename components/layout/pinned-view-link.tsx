"use client";
// A pinned view in the sidebar. Its address (/views/<id>) redirects to a dashboard, so it counts as
// the current page while that dashboard shows exactly the view's filters (the builder: exactly the built report).
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { addressOf, bodyAt, type BuilderBody } from "@/lib/reports/builder/address";
import { reportQueryString } from "@/lib/reports/report-query";
import { dashboardPath as pathOf } from "@/lib/saved-views/dashboards";

export function PinnedViewLink({ id, name, dashboardPath, query }: { id: string; name: string; dashboardPath: string; query: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const shown = dashboardPath === pathOf("builder") ? addressOf(bodyAt(new URLSearchParams(searchParams.toString())) as BuilderBody) : reportQueryString(searchParams);
  const isCurrent = pathname === dashboardPath && shown === query;
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

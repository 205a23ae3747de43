"use client";
// The export menu of a dashboard header or a report card, fed by the filters in the URL as they are
// now (the filter bar changes the URL without a server render, so props from the server would lag).
import { useSearchParams } from "next/navigation";
import { ExportMenu } from "@/components/export/export-menu";
import { reportQueryString } from "@/lib/reports/report-query";

export function FilterExport({ kind, name }: { kind: "report" | "dashboard"; name: string }) {
  const params = Object.fromEntries(new URLSearchParams(reportQueryString(useSearchParams())));
  return <ExportMenu kind={kind} name={name} params={params} />;
}

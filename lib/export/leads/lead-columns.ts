// The columns of the leads table export, in the order of the table on screen.
import type { LeadListRow } from "@/lib/leads/lead-list";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import type { Column } from "../model";

export function leadColumns(t: ExportMessages): Column<LeadListRow>[] {
  const c = t.columns;
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t.yes : t.no);
  return [
    { key: "externalId", header: c.externalId, type: "text", value: (row) => row.externalId },
    { key: "title", header: c.title, type: "text", value: (row) => row.title },
    { key: "managerName", header: c.managerName, type: "text", value: (row) => row.managerName ?? t.noManager },
    { key: "channel", header: c.channel, type: "text", value: (row) => row.channel ?? t.notSet },
    { key: "status", header: c.status, type: "text", value: (row) => t.leadStatus[row.status] },
    { key: "isConverted", header: c.isConverted, type: "text", value: (row) => yesNo(row.isConverted) },
    { key: "createdAt", header: c.createdAt, type: "datetime", value: (row) => row.createdAt },
    { key: "teamName", header: c.teamName, type: "text", value: (row) => row.teamName ?? t.unattributed },
    { key: "formName", header: c.formName, type: "text", value: (row) => row.formName },
    { key: "reachedCrm", header: c.reachedCrm, type: "text", value: (row) => yesNo(row.reachedCrm) },
    { key: "sourceName", header: c.sourceName, type: "text", value: (row) => row.sourceName },
    { key: "utmSource", header: c.utmSource, type: "text", value: (row) => row.utmSource },
    { key: "utmMedium", header: c.utmMedium, type: "text", value: (row) => row.utmMedium },
    { key: "utmCampaign", header: c.utmCampaign, type: "text", value: (row) => row.utmCampaign },
  ];
}

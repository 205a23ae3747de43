// The columns of the deals table export, in the order of the table on screen.
import type { DealListRow } from "@/lib/deals/deal-list";
import type { ExportMessages } from "@/lib/i18n/export-messages";
import type { Column } from "../model";

export function dealColumns(t: ExportMessages): Column<DealListRow>[] {
  const c = t.columns;
  return [
    { key: "externalId", header: c.externalId, type: "text", value: (row) => row.externalId },
    { key: "title", header: c.title, type: "text", value: (row) => row.title },
    { key: "managerName", header: c.managerName, type: "text", value: (row) => row.managerName ?? t.noManager },
    { key: "pipelineName", header: c.pipelineName, type: "text", value: (row) => row.pipelineName },
    { key: "stageName", header: c.stageName, type: "text", value: (row) => row.stageName },
    { key: "semantic", header: c.semantic, type: "text", value: (row) => t.semantic[row.semantic] },
    // The deal's own amount, formatted in its own currency (a $ deal in a ₸ company stays in $).
    { key: "amount", header: c.amount, type: "amount", value: (row) => row.amount, currency: (row) => row.currency },
    { key: "currency", header: c.currency, type: "text", value: (row) => row.currency },
    { key: "baseAmount", header: c.baseAmount, type: "amount", value: (row) => row.baseAmount },
    { key: "createdAt", header: c.createdAt, type: "datetime", value: (row) => row.createdAt },
    { key: "closedAt", header: c.closedAt, type: "datetime", value: (row) => row.closedAt },
    { key: "sourceName", header: c.sourceName, type: "text", value: (row) => row.sourceName },
    { key: "utmSource", header: c.utmSource, type: "text", value: (row) => row.utmSource },
    { key: "utmMedium", header: c.utmMedium, type: "text", value: (row) => row.utmMedium },
    { key: "utmCampaign", header: c.utmCampaign, type: "text", value: (row) => row.utmCampaign },
  ];
}

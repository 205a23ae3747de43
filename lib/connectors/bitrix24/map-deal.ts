// crm.deal.list / crm.deal.get row → CanonicalDeal (docs/bitrix24-wire.md, "Deals").
import type { CanonicalDeal, StageSemantic } from "@/lib/canonical/types";
import { b24Date, b24Id, b24Money, b24Text, channelOf, readUtm, type B24MapContext, type B24Row } from "./map-common";

export function b24Semantic(value: unknown): StageSemantic {
  if (value === "S") return "won";
  if (value === "F") return "lost";
  return "open";
}

export function mapB24Deal(row: B24Row, context: B24MapContext = {}): CanonicalDeal {
  const externalId = String(row.ID);
  const semantic = b24Semantic(row.STAGE_SEMANTIC_ID);
  const createdAt = b24Date(row.DATE_CREATE) ?? new Date(0);
  const updatedAt = b24Date(row.DATE_MODIFY);
  const movedAt = b24Date(row.MOVED_TIME);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    title: b24Text(row.TITLE) ?? `#${externalId}`,
    pipelineExternalId: b24Text(row.CATEGORY_ID) ?? "0",
    stageExternalId: String(row.STAGE_ID ?? "NEW"),
    stageSemantic: semantic,
    amount: b24Money(row.OPPORTUNITY),
    currency: (b24Text(row.CURRENCY_ID) ?? context.defaultCurrency ?? "RUB").toUpperCase(),
    crmUserExternalId: b24Id(row.ASSIGNED_BY_ID),
    contactExternalId: b24Id(row.CONTACT_ID),
    companyExternalId: b24Id(row.COMPANY_ID),
    leadExternalId: b24Id(row.LEAD_ID),
    channel: channelOf(row, context),
    ...readUtm(row, context.utmFields),
    createdAt,
    updatedAt,
    // CLOSEDATE is a planned date; a won/lost deal closed when it last moved (its final move).
    closedAt: semantic === "open" ? null : (movedAt ?? updatedAt),
    movedAt,
    movedByExternalId: b24Id(row.MOVED_BY_ID),
  };
}

// crm.lead.list / crm.lead.get row → CanonicalLead (docs/bitrix24-wire.md, "Leads").
import type { CanonicalLead, LeadStatusSemantic } from "@/lib/canonical/types";
import { b24Date, b24Id, b24Money, b24Text, channelOf, readUtm, type B24MapContext, type B24Row } from "./map-common";

export function b24LeadSemantic(row: B24Row): LeadStatusSemantic {
  if (row.STATUS_SEMANTIC_ID === "S" || row.STATUS_ID === "CONVERTED") return "converted";
  if (row.STATUS_SEMANTIC_ID === "F" || row.STATUS_ID === "JUNK") return "junk";
  return "open";
}

export function mapB24Lead(row: B24Row, context: B24MapContext = {}): CanonicalLead {
  const externalId = String(row.ID);
  const semantic = b24LeadSemantic(row);
  const hasAmount = b24Text(row.OPPORTUNITY) !== null;
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    title: b24Text(row.TITLE) ?? `#${externalId}`,
    statusExternalId: b24Text(row.STATUS_ID),
    statusSemantic: semantic,
    channel: channelOf(row, context),
    ...readUtm(row, context.utmFields),
    crmUserExternalId: b24Id(row.ASSIGNED_BY_ID),
    contactExternalId: b24Id(row.CONTACT_ID),
    amount: hasAmount ? b24Money(row.OPPORTUNITY) : null,
    currency: b24Text(row.CURRENCY_ID)?.toUpperCase() ?? (hasAmount ? (context.defaultCurrency ?? null) : null),
    createdAt: b24Date(row.DATE_CREATE) ?? new Date(0),
    updatedAt: b24Date(row.DATE_MODIFY),
    convertedAt: semantic === "converted" ? (b24Date(row.DATE_CLOSED) ?? b24Date(row.MOVED_TIME) ?? b24Date(row.DATE_MODIFY)) : null,
  };
}

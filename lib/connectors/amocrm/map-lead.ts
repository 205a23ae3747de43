// GET /api/v4/leads item → CanonicalDeal: amoCRM's "leads" are deals (DESIGN.md). Status 142 is won
// and 143 lost in every pipeline; closed_at is the close moment (docs/amocrm-wire.md, "Leads").
import type { CanonicalDeal, StageSemantic } from "@/lib/canonical/types";
import { AMO_LOST_STATUS, AMO_WON_STATUS, amoDate, amoId, amoText, embeddedId, readAmoTraffic, type AmoMapContext, type AmoRow } from "./map-common";

export function amoSemantic(statusId: unknown): StageSemantic {
  const id = Number(statusId);
  if (id === AMO_WON_STATUS) return "won";
  if (id === AMO_LOST_STATUS) return "lost";
  return "open";
}

/** Budgets are integers in the account currency; price_with_minor_units wins when present. */
function amoPrice(row: AmoRow): string {
  const minor = row.price_with_minor_units;
  if (typeof minor === "number" && Number.isFinite(minor)) return minor.toFixed(2);
  const price = Number(row.price ?? 0);
  return Number.isFinite(price) ? String(Math.trunc(price)) : "0";
}

export function mapAmoLead(row: AmoRow, context: AmoMapContext): CanonicalDeal {
  const externalId = String(row.id);
  const semantic = amoSemantic(row.status_id);
  const updatedAt = amoDate(row.updated_at);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    title: amoText(row.name) ?? `#${externalId}`,
    pipelineExternalId: String(row.pipeline_id),
    stageExternalId: String(row.status_id),
    stageSemantic: semantic,
    amount: amoPrice(row),
    currency: context.currency,
    crmUserExternalId: amoId(row.responsible_user_id),
    contactExternalId: embeddedId(row, "contacts"),
    companyExternalId: embeddedId(row, "companies"),
    ...readAmoTraffic(row, context.fields),
    createdAt: amoDate(row.created_at) ?? new Date(0),
    updatedAt,
    closedAt: semantic === "open" ? null : (amoDate(row.closed_at) ?? updatedAt),
    movedByExternalId: amoId(row.updated_by),
    deletedAt: row.is_deleted === true ? (updatedAt ?? new Date()) : null,
  };
}

// GET /api/v4/contacts and /companies items → canonical contacts and companies. Phones and e-mails
// are multitext custom fields with field_code PHONE / EMAIL (docs/amocrm-wire.md, "Custom fields and UTM tags").
import type { CanonicalCompany, CanonicalContact } from "@/lib/canonical/types";
import { amoDate, amoId, amoText, customFieldValue, embeddedId, type AmoRow } from "./map-common";

export function mapAmoContact(row: AmoRow): CanonicalContact {
  const externalId = String(row.id);
  const updatedAt = amoDate(row.updated_at);
  const name = amoText(row.name) ?? ([amoText(row.first_name), amoText(row.last_name)].filter(Boolean).join(" ") || `#${externalId}`);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    name,
    phone: customFieldValue(row, "PHONE"),
    email: customFieldValue(row, "EMAIL"),
    companyExternalId: embeddedId(row, "companies"),
    crmUserExternalId: amoId(row.responsible_user_id),
    createdAt: amoDate(row.created_at),
    updatedAt,
    deletedAt: row.is_deleted === true ? (updatedAt ?? new Date()) : null,
  };
}

export function mapAmoCompany(row: AmoRow): CanonicalCompany {
  const externalId = String(row.id);
  const updatedAt = amoDate(row.updated_at);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    name: amoText(row.name) ?? `#${externalId}`,
    phone: customFieldValue(row, "PHONE"),
    email: customFieldValue(row, "EMAIL"),
    createdAt: amoDate(row.created_at),
    updatedAt,
    deletedAt: row.is_deleted === true ? (updatedAt ?? new Date()) : null,
  };
}

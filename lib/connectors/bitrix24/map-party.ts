// crm.contact.list / crm.company.list rows → canonical contacts and companies (docs/bitrix24-wire.md, "Contacts, companies, activities, users").
import type { CanonicalCompany, CanonicalContact } from "@/lib/canonical/types";
import { b24Date, b24Id, b24Text, firstMultifield, personName, type B24Row } from "./map-common";

export function mapB24Contact(row: B24Row): CanonicalContact {
  const externalId = String(row.ID);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    name: personName(row, `#${externalId}`),
    phone: firstMultifield(row.PHONE),
    email: firstMultifield(row.EMAIL),
    companyExternalId: b24Id(row.COMPANY_ID),
    crmUserExternalId: b24Id(row.ASSIGNED_BY_ID),
    createdAt: b24Date(row.DATE_CREATE),
    updatedAt: b24Date(row.DATE_MODIFY),
  };
}

export function mapB24Company(row: B24Row): CanonicalCompany {
  const externalId = String(row.ID);
  return {
    raw: { origin: "rest", payload: row },
    externalId,
    name: b24Text(row.TITLE) ?? `#${externalId}`,
    phone: firstMultifield(row.PHONE),
    email: firstMultifield(row.EMAIL),
    createdAt: b24Date(row.DATE_CREATE),
    updatedAt: b24Date(row.DATE_MODIFY),
  };
}

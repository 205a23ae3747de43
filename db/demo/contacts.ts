// The client behind a deal: a contact (phone in E.164, e-mail lower-cased) and sometimes a company.
import { nextExternalId, type Ctx, type CrmKind } from "./context";
import { randomCompany, randomPerson } from "./names";
import type { CrmBatch } from "./rows";

export type ContactRef = { id: string; name: string; companyId: string | null; companyName: string | null };

/** Bitrix24 sells to businesses, so a share of its clients come with a company. */
const COMPANY_SHARE: Record<CrmKind, number> = { bitrix24: 0.3, amocrm: 0.03 };

export function addContact(ctx: Ctx, batch: CrmBatch, kind: CrmKind, sourceId: string, crmUserId: string, createdAt: Date): ContactRef {
  const { rnd, orgId } = ctx;
  let companyId: string | null = null;
  let companyName: string | null = null;
  if (rnd.chance(COMPANY_SHARE[kind])) {
    const company = randomCompany(rnd);
    companyId = rnd.uuid();
    companyName = company.name;
    batch.companies.push({
      id: companyId,
      orgId,
      sourceId,
      externalId: nextExternalId(ctx, kind, "company"),
      name: company.name,
      phone: company.phone,
      email: company.email,
      createdAt,
      updatedAt: createdAt,
      deletedAt: null,
    });
  }
  const person = randomPerson(rnd);
  const id = rnd.uuid();
  batch.contacts.push({
    id,
    orgId,
    sourceId,
    externalId: nextExternalId(ctx, kind, "contact"),
    name: person.name,
    phone: person.phone,
    email: person.email,
    companyId,
    crmUserId,
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
  });
  return { id, name: person.name, companyId, companyName };
}

// Companies and contacts: newest wins on the CRM's modification time; phones and e-mails normalised.
import { companies, contacts } from "@/db/schema";
import { normalizeEmail, normalizePhone, orgCountry } from "./normalize";
import { idsByExternalId } from "./refs";
import { emptyResult, type ApplyResult, type CanonicalCompany, type CanonicalContact, type SourceRef } from "./types";
import { storeRawPayloads } from "./raw-payloads";
import { chunk, lastPerExternalId, tally, upsertRows } from "./upsert";
import type { Db } from "@/db/types";

export async function applyCompanies(db: Db, source: SourceRef, records: CanonicalCompany[]): Promise<ApplyResult> {
  const result = emptyResult();
  const country = await orgCountry(db, source.orgId);
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "companies", source.id, part.map((r) => r.externalId))).keys());
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      name: r.name,
      phone: normalizePhone(r.phone, country),
      email: normalizeEmail(r.email),
      // (every row carries the same columns; an unknown creation time is "first seen now")
      createdAt: r.createdAt ?? new Date(),
      updatedAt: r.updatedAt ?? null,
      deletedAt: r.deletedAt ?? null,
    }));
    const written = await upsertRows(db, companies, rows, {
      target: [companies.sourceId, companies.externalId],
      columns: ["name", "phone", "email", "updatedAt", "deletedAt"],
      newestWinsOn: "updatedAt",
    });
    tally(result, written, existed, part.length);
    await storeRawPayloads(db, source, "company", part);
  }
  return result;
}

export async function applyContacts(db: Db, source: SourceRef, records: CanonicalContact[]): Promise<ApplyResult> {
  const result = emptyResult();
  const country = await orgCountry(db, source.orgId);
  for (const part of chunk(lastPerExternalId(records))) {
    const existed = new Set((await idsByExternalId(db, "contacts", source.id, part.map((r) => r.externalId))).keys());
    const companyIds = await idsByExternalId(db, "companies", source.id, part.map((r) => r.companyExternalId));
    const userIds = await idsByExternalId(db, "crmUsers", source.id, part.map((r) => r.crmUserExternalId));
    const rows = part.map((r) => ({
      orgId: source.orgId,
      sourceId: source.id,
      externalId: r.externalId,
      name: r.name,
      phone: normalizePhone(r.phone, country),
      email: normalizeEmail(r.email),
      companyId: r.companyExternalId ? (companyIds.get(r.companyExternalId) ?? null) : null,
      crmUserId: r.crmUserExternalId ? (userIds.get(r.crmUserExternalId) ?? null) : null,
      createdAt: r.createdAt ?? new Date(),
      updatedAt: r.updatedAt ?? null,
      deletedAt: r.deletedAt ?? null,
    }));
    const written = await upsertRows(db, contacts, rows, {
      target: [contacts.sourceId, contacts.externalId],
      columns: ["name", "phone", "email", "companyId", "crmUserId", "updatedAt", "deletedAt"],
      newestWinsOn: "updatedAt",
    });
    tally(result, written, existed, part.length);
    await storeRawPayloads(db, source, "contact", part);
  }
  return result;
}

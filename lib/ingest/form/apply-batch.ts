// Applies a form source's due submissions: each read again from its stored body, duplicates left
// out (the same `tranid` already stored, or — for a post without one — the same content received by
// the source within DUPLICATE_WINDOW_MS), the rest written as form leads and matched to the CRM.
import { and, eq, sql } from "drizzle-orm";
import { leads } from "@/db/schema";
import type { Tx } from "@/db/types";
import { applyFormLeads, receivedByHash, type CanonicalFormLead } from "@/lib/canonical/form-leads";
import { normalizeEmail } from "@/lib/canonical/normalize";
import { phoneE164 } from "@/lib/contact-details";
import { textArray } from "@/lib/canonical/upsert";
import type { OrgContext } from "@/lib/customers/recompute";
import type { EventVerdicts, InboxEvent } from "../process/batch-types";
import { NO_CONTACT_FAILURE } from "../receive/form";
import { eventFailure } from "../event-failure";
import type { SourceRow } from "../receive/source-settings";
import { contentHash, hasContact, readFields, readSubmission, SubmissionError, type FormSubmission } from "./submission";

/** Posts without `tranid` with the same content within a day are one submission (a double click, a resend). */
export const DUPLICATE_WINDOW_MS = 24 * 3_600_000;

type Read = { event: InboxEvent; submission: FormSubmission; record: CanonicalFormLead; tranid: string | null };

export async function applyFormBatch(tx: Tx, source: SourceRow, events: InboxEvent[], org: OrgContext): Promise<EventVerdicts> {
  const verdicts: EventVerdicts = new Map();
  const read: Read[] = [];
  for (const event of events) {
    let submission: FormSubmission;
    try {
      submission = readSubmission(readFields(event.contentType, event.body));
    } catch (error) {
      verdicts.set(event.id, { status: "rejected", failure: error instanceof SubmissionError ? error.failure : eventFailure("webhook_form_unreadable") });
      continue;
    }
    if (!hasContact(submission)) {
      verdicts.set(event.id, { status: "rejected", failure: NO_CONTACT_FAILURE });
      continue;
    }
    read.push({ event, submission, record: toRecord(source, submission, event, org.country), tranid: submission.tranid });
  }

  const knownTranids = await storedExternalIds(tx, source.id, read.flatMap((r) => (r.tranid ? [r.record.lead.externalId] : [])));
  const oldest = Math.min(...read.map((r) => r.event.receivedAt.getTime()));
  const byHash = await receivedByHash(tx, source.id, read.filter((r) => !r.tranid).map((r) => r.record.contentHash), new Date(oldest - DUPLICATE_WINDOW_MS));
  const fresh: CanonicalFormLead[] = [];
  for (const { event, record, tranid } of read) {
    const at = event.receivedAt.getTime();
    const seen = byHash.get(record.contentHash) ?? [];
    const isDuplicate = tranid
      ? knownTranids.has(record.lead.externalId)
      : seen.some((earlier) => earlier.getTime() <= at && at - earlier.getTime() <= DUPLICATE_WINDOW_MS);
    if (isDuplicate) {
      verdicts.set(event.id, { status: "ignored", failure: tranid ? eventFailure("webhook_form_repeat", { tranid }) : eventFailure("webhook_form_repeat_content") });
      continue;
    }
    // Later events of this batch see this one as stored.
    if (tranid) knownTranids.add(record.lead.externalId);
    else byHash.set(record.contentHash, [...seen, event.receivedAt]);
    fresh.push(record);
    verdicts.set(event.id, { status: "done" });
  }
  await applyFormLeads(tx, { id: source.id, orgId: source.orgId }, fresh);
  return verdicts;
}

function toRecord(source: SourceRow, submission: FormSubmission, event: InboxEvent, country: string): CanonicalFormLead {
  const phone = readablePhone(submission.phone, country);
  const email = normalizeEmail(submission.email);
  const hash = contentHash(submission, phone, email);
  const formName = submission.formName ?? submission.formId;
  return {
    lead: {
      // Tilda's id of the submission when it sent one; else the hash and the inbox row, unique by construction.
      externalId: submission.tranid ? `tranid:${submission.tranid}` : `hash:${hash.slice(0, 32)}:${event.id}`,
      title: (submission.name ?? submission.phone ?? submission.email ?? "").slice(0, 300),
      statusSemantic: "open",
      // The lead reports' "source" of a form lead is the form (else the source's own name).
      channel: formName ?? source.name,
      utmSource: submission.utm.source,
      utmMedium: submission.utm.medium,
      utmCampaign: submission.utm.campaign,
      utmContent: submission.utm.content,
      utmTerm: submission.utm.term,
      ...submission.clicks,
      createdAt: event.receivedAt,
    },
    formId: submission.formId,
    formName,
    name: submission.name,
    phoneRaw: submission.phone,
    emailRaw: submission.email,
    phone,
    email,
    contentHash: hash,
    receivedAt: event.receivedAt,
  };
}

/** E.164 in the organisation's country; a phone libphonenumber cannot read is matched by its digits alone. */
export function readablePhone(raw: string | null, country: string): string | null {
  return phoneE164(raw, country) ?? (raw?.replace(/\D/g, "") || null);
}

async function storedExternalIds(tx: Tx, sourceId: string, externalIds: string[]): Promise<Set<string>> {
  if (externalIds.length === 0) return new Set();
  const rows = await tx
    .select({ externalId: leads.externalId })
    .from(leads)
    .where(and(eq(leads.sourceId, sourceId), sql`${leads.externalId} = any(${textArray(externalIds)})`));
  return new Set(rows.map((row) => row.externalId));
}

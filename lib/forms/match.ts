// Did a site form's submission reach the CRM? It did when a CRM lead or deal of the same organisation
// has a contact with the same phone (E.164, or the same digits when the form's phone could not be
// read) or the same e-mail, created within the form source's match window (`settings.matchWindowDays`,
// 1–90, default MATCH_WINDOW_DAYS) before or after the submission. The nearest in time wins. A
// submission never matched is "lost on the way" (docs/forms.md).
import { sql } from "drizzle-orm";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { CRM_SOURCE_KINDS } from "@/lib/connectors/descriptors";
import { withFacts } from "@/lib/canonical/facts";
import { textArray } from "@/lib/canonical/upsert";
import { MATCH_WINDOW_DAYS } from "./match-window";

/** Fewer digits than this are too little to say two unreadable phones are one. */
const MIN_DIGITS = 5;

type Which = { leadIds?: string[]; receivedSince?: Date };

/**
 * Matches the organisation's unmatched submissions (all, or those given, or those received since a
 * moment) and returns the ids of the form leads that matched now. Runs in the caller's transaction;
 * the caller refreshes their report facts (a matched form lead is counted as its CRM lead).
 */
export async function matchFormLeads(db: Db, orgId: string, which: Which = {}): Promise<string[]> {
  const only = which.leadIds ? sql`and fl.lead_id = any(${textArray(which.leadIds)}::uuid[])` : sql``;
  const since = which.receivedSince ? sql`and fl.received_at >= ${which.receivedSince.toISOString()}::timestamptz` : sql``;
  // Contacts by phone, by digits (only for a phone libphonenumber could not read) and by e-mail, as
  // three arms so that the first and the last use the (org, phone) and (org, email) indexes.
  const rows = await selectRows<{ leadId: string }>(
    db,
    sql`with pending as (
        select fl.lead_id, fl.org_id, fl.phone, fl.email, fl.received_at,
          make_interval(days => coalesce((s.settings->>'matchWindowDays')::int, ${MATCH_WINDOW_DAYS})) as match_window
        from form_leads fl join sources s on s.id = fl.source_id
        where fl.org_id = ${orgId} and fl.matched_lead_id is null and fl.matched_deal_id is null ${only} ${since}
      ),
      people as (
        select p.lead_id, p.received_at, p.match_window, c.id as contact_id from pending p
          join contacts c on c.org_id = p.org_id and c.phone = p.phone and c.deleted_at is null
          where p.phone like '+%'
        union
        select p.lead_id, p.received_at, p.match_window, c.id from pending p
          join contacts c on c.org_id = p.org_id and c.deleted_at is null and c.phone is not null
            and regexp_replace(c.phone, '[^0-9]', '', 'g') = p.phone
          where p.phone not like '+%' and length(p.phone) >= ${MIN_DIGITS}
        union
        select p.lead_id, p.received_at, p.match_window, c.id from pending p
          join contacts c on c.org_id = p.org_id and c.email = p.email and c.deleted_at is null
          where p.email is not null
      ),
      candidates as (
        select pe.lead_id, l.id as crm_lead_id, null::uuid as crm_deal_id, abs(extract(epoch from l.created_at - pe.received_at)) as distance, 0 as preference
        from people pe
          join leads l on l.contact_id = pe.contact_id and l.org_id = ${orgId} and l.deleted_at is null
          join sources s on s.id = l.source_id and s.kind in (${sql.join(CRM_SOURCE_KINDS.map((kind) => sql`${kind}`), sql`, `)})
        where l.created_at between pe.received_at - pe.match_window and pe.received_at + pe.match_window
        union all
        select pe.lead_id, null::uuid, d.id, abs(extract(epoch from d.created_at - pe.received_at)), 1
        from people pe
          join deals d on d.contact_id = pe.contact_id and d.org_id = ${orgId} and d.deleted_at is null
        where d.created_at between pe.received_at - pe.match_window and pe.received_at + pe.match_window
      ),
      best as (
        select distinct on (lead_id) lead_id, crm_lead_id, crm_deal_id from candidates
        order by lead_id, distance, preference, crm_lead_id, crm_deal_id
      )
      update form_leads fl set matched_lead_id = b.crm_lead_id, matched_deal_id = b.crm_deal_id, matched_at = now()
      from best b
      where fl.lead_id = b.lead_id
      returning fl.lead_id as "leadId"`,
  );
  return rows.map((row) => row.leadId);
}

/**
 * After CRM leads, deals or contacts were written (a webhook batch, a sync run): the submissions
 * still unmatched get another look, and the facts of those that matched now are refreshed.
 */
export async function rematchFormLeads(db: Db, orgId: string, which: Pick<Which, "receivedSince"> = {}): Promise<string[]> {
  return withFacts(db, orgId, (tx) => matchFormLeads(tx, orgId, which), (ids) => ({ leadIds: ids }));
}

/**
 * After a webhook batch: a CRM row that arrives now was created lately, so only the submissions of
 * the widest of the organisation's form windows (and a day) can match it; a sync run, which brings old rows, re-matches them all.
 */
export async function rematchRecentFormLeads(db: Db, orgId: string, now = new Date()): Promise<string[]> {
  const [{ days }] = await selectRows<{ days: number }>(
    db,
    sql`select coalesce(max(coalesce((settings->>'matchWindowDays')::int, ${MATCH_WINDOW_DAYS})), ${MATCH_WINDOW_DAYS})::int as days
      from sources where org_id = ${orgId} and kind = 'form'`,
  );
  return rematchFormLeads(db, orgId, { receivedSince: new Date(now.getTime() - (Number(days) + 1) * 86_400_000) });
}

/** The submissions that reached a lead or deal of this source (read before the source is deleted). */
export async function formLeadsReachingSource(db: Db, sourceId: string): Promise<string[]> {
  const rows = await selectRows<{ leadId: string }>(
    db,
    sql`select fl.lead_id as "leadId" from form_leads fl
      where fl.matched_lead_id in (select id from leads where source_id = ${sourceId})
         or fl.matched_deal_id in (select id from deals where source_id = ${sourceId})`,
  );
  return rows.map((row) => row.leadId);
}

/**
 * After their CRM source was deleted (the match was set to null with its rows): the submissions
 * look for another match, and count as leads again until they find one.
 */
export async function rematchReleasedFormLeads(db: Db, orgId: string, leadIds: string[]): Promise<void> {
  if (leadIds.length === 0) return;
  const refresh = async (tx: Db) => {
    await matchFormLeads(tx, orgId, { leadIds });
    return leadIds;
  };
  await withFacts(db, orgId, refresh, (ids) => ({ leadIds: ids }));
}

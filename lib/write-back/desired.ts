// What each record of a source should hold in its mapped CRM fields, from Voronka's own tables:
// a deal's traffic team, confidence and UTM tags (as attribution resolved them), a contact's
// customer category and LTV (total spent), a deal's stored win probability in whole percent
// (deal_win_scores, docs/models.md), and a Bitrix24 lead's own traffic team, confidence and UTM tags.
// A missing value is "" — the field is cleared.
import { sql } from "drizzle-orm";
import type { WriteBackEntity } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import { KEY_ENTITY, type WriteBackKey, type WriteBackSettings } from "./keys";

/** One record with its values by CRM field. */
export type DesiredRecord = { entity: WriteBackEntity; externalId: string; values: Record<string, string> };

type DealRow = { externalId: string } & Partial<Record<WriteBackKey, string | null>>;

export async function desiredRecords(db: Db, orgId: string, sourceId: string, settings: WriteBackSettings): Promise<DesiredRecord[]> {
  const mapped = Object.entries(settings.fields) as [WriteBackKey, string][];
  const out: DesiredRecord[] = [];
  for (const entity of ["deal", "contact", "lead"] as const) {
    const fields = mapped.filter(([key]) => KEY_ENTITY[key] === entity);
    if (fields.length === 0) continue;
    const rows = await ROWS[entity](db, orgId, sourceId);
    for (const row of rows) out.push({ entity, externalId: row.externalId, values: Object.fromEntries(fields.map(([key, crmField]) => [crmField, row[key] ?? ""])) });
  }
  return out;
}

function dealRows(db: Db, orgId: string, sourceId: string): Promise<DealRow[]> {
  return selectRows<DealRow>(
    db,
    sql`select d.external_id as "externalId", t.name as traffic_team, d.attribution_confidence::text as traffic_confidence,
          d.utm_source, d.utm_medium, d.utm_campaign, d.utm_content, d.utm_term,
          round((s.probability * 100)::numeric)::int::text as win_probability
        from deals d left join traffic_teams t on t.id = d.traffic_team_id
        left join deal_win_scores s on s.deal_id = d.id
        where d.org_id = ${orgId}::uuid and d.source_id = ${sourceId}::uuid and d.deleted_at is null
        order by d.external_id`,
  );
}

/** A lead's own values, as attribution resolved them for the lead (not its deal's). */
function leadRows(db: Db, orgId: string, sourceId: string): Promise<DealRow[]> {
  return selectRows<DealRow>(
    db,
    sql`select l.external_id as "externalId", t.name as lead_traffic_team, l.attribution_confidence::text as lead_traffic_confidence,
          l.utm_source as lead_utm_source, l.utm_medium as lead_utm_medium, l.utm_campaign as lead_utm_campaign,
          l.utm_content as lead_utm_content, l.utm_term as lead_utm_term
        from leads l left join traffic_teams t on t.id = l.traffic_team_id
        where l.org_id = ${orgId}::uuid and l.source_id = ${sourceId}::uuid and l.deleted_at is null
        order by l.external_id`,
  );
}

/** The customer of a contact: by phone, else by e-mail among customers without a phone (as lib/customers/find-customers.ts keys them). */
function contactRows(db: Db, orgId: string, sourceId: string): Promise<DealRow[]> {
  return selectRows<DealRow>(
    db,
    sql`select c.external_id as "externalId", cu.category::text as customer_category, cu.total_spent::text as customer_ltv
        from contacts c
        left join customers cu on cu.org_id = c.org_id
          and ((c.phone is not null and cu.phone = c.phone) or (c.phone is null and c.email is not null and cu.phone is null and cu.email = c.email))
        where c.org_id = ${orgId}::uuid and c.source_id = ${sourceId}::uuid and c.deleted_at is null
        order by c.external_id`,
  );
}

const ROWS: Record<WriteBackEntity, (db: Db, orgId: string, sourceId: string) => Promise<DealRow[]>> = { deal: dealRows, contact: contactRows, lead: leadRows };

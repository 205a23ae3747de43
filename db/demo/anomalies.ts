// Planted anomalies, so the anomaly alerts (lib/anomalies) have something to find on the demo and a
// test can measure them (lib/anomalies/demo-recall.test.ts): written after the generated history and
// without drawing from its random stream, so every other demo figure stays as it was.
// All three in the last whole week or so (5–13 days ago), so the Overview's "Attention" panel, which
// lists the last 2 weeks, shows them on a freshly seeded demo:
// - a lead source goes silent: the «Веб-сайт» leads of three weekdays (Tuesday–Thursday) are
//   deleted in the CRM;
// - a manager's calls halve for a week: the first manager gets a cold-calling stream (28–36 calls a
//   weekday for 120 days: the demo's deal calls alone are 3 a day, too few for a halving to stand out
//   from chance), and in the last whole week (Monday–Sunday) half of those and half of the deal calls are missing;
// - a webhook outage: the Bitrix24 source's webhooks (one per lead, deal and activity written in the
//   last 120 days, a second after it) are missing for two days, Wednesday–Thursday.
import { sql } from "drizzle-orm";
import { selectRows } from "../migrate";
import type { Db } from "../types";

export type PlantedAnomaly = { type: "leads_source" | "calls" | "webhooks"; key: string; from: string; to: string };

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The local day of `now` in the organisation's zone, and a day `weeksBack` weeks before it on `weekday` (0 Sunday … 6 Saturday). */
function weekdayBefore(today: string, weeksBack: number, weekday: number): string {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const back = ((new Date(todayMs).getUTCDay() - weekday + 7) % 7) + 7 * weeksBack;
  return iso(todayMs - back * DAY);
}

export async function plantDemoAnomalies(db: Db, orgId: string, now: Date): Promise<PlantedAnomaly[]> {
  const [org] = await selectRows<{ tz: string; today: string; bitrix: string }>(
    db,
    sql`select o.timezone as tz, (${now.toISOString()}::timestamptz at time zone o.timezone)::date::text as today,
          (select id::text from sources s where s.org_id = o.id and s.kind = 'bitrix24' order by s.created_at limit 1) as bitrix
        from organisations o where o.id = ${orgId}`,
  );
  const localDay = (column: string) => sql.raw(`((${column}) at time zone '${org.tz.replace(/'/g, "''")}')::date`);
  const planted: PlantedAnomaly[] = [];

  const silentFrom = weekdayBefore(org.today, 1, 2);
  const silentTo = iso(Date.parse(`${silentFrom}T00:00:00Z`) + 2 * DAY);
  await db.execute(sql`update leads set deleted_at = ${now.toISOString()}::timestamptz
    where org_id = ${orgId} and channel = 'Веб-сайт' and deleted_at is null and ${localDay("created_at")} between ${silentFrom}::date and ${silentTo}::date`);
  planted.push({ type: "leads_source", key: "Веб-сайт", from: silentFrom, to: silentTo });

  const callsFrom = weekdayBefore(org.today, 1, 1);
  const callsTo = iso(Date.parse(`${callsFrom}T00:00:00Z`) + 6 * DAY);
  // The first manager's Bitrix24 account (Айгерим Нурланова, manager1@…): always the same person.
  const [caller] = await selectRows<{ id: string }>(
    db,
    sql`select c.id::text as id from crm_users c join users u on u.id = c.user_id join sources s on s.id = c.source_id
        where c.org_id = ${orgId} and u.email like 'manager1@%' and s.kind = 'bitrix24' order by c.created_at, c.id limit 1`,
  );
  if (caller) {
    // The caller also cold-calls: 28–36 short calls each weekday of the last 120 days, as a
    // call-centre manager does; in the planted week half of them, and half of the deal calls, are missing.
    const day = sql`d::date`;
    await db.execute(sql`insert into activities (org_id, source_id, external_id, type, subject, direction, is_completed, crm_user_id, start_at, completed_at, duration_seconds, created_at, updated_at)
      select c.org_id, c.source_id, 'cold-' || to_char(${day}, 'YYYYMMDD') || '-' || n, 'call', 'Холодный звонок', 'out', true, c.id, at, at + interval '90 seconds', 90, at, at + interval '90 seconds'
      from crm_users c
      cross join generate_series((${now.toISOString()}::timestamptz at time zone ${org.tz})::date - 120, (${now.toISOString()}::timestamptz at time zone ${org.tz})::date - 1, interval '1 day') d
      cross join lateral (select 28 + abs(hashtext(${day}::text)) % 9 as calls) k
      cross join lateral generate_series(1, case when ${day} between ${callsFrom}::date and ${callsTo}::date then k.calls / 2 else k.calls end) n
      cross join lateral (select (${day} + interval '9 hours' + n * interval '17 minutes') at time zone ${org.tz} as at) t
      where c.id = ${caller.id} and extract(isodow from ${day}) < 6`);
    await db.execute(sql`update activities set deleted_at = ${now.toISOString()}::timestamptz where id in (
      select id from (select id, row_number() over (order by start_at, id) as n from activities
        where org_id = ${orgId} and crm_user_id = ${caller.id} and type = 'call' and deleted_at is null and external_id not like 'cold-%' and ${localDay("start_at")} between ${callsFrom}::date and ${callsTo}::date) calls
      where n % 2 = 0)`);
    planted.push({ type: "calls", key: caller.id, from: callsFrom, to: callsTo });
  }

  if (org.bitrix) {
    const outageFrom = weekdayBefore(org.today, 1, 3);
    const outageTo = iso(Date.parse(`${outageFrom}T00:00:00Z`) + DAY);
    const since = sql`${now.toISOString()}::timestamptz - interval '120 days'`;
    const events = (table: string, event: string) => sql`
      insert into webhook_events (org_id, source_id, event_type, content_type, body, status, attempts, received_at, processed_at)
      select org_id, source_id, ${event}::text, 'application/x-www-form-urlencoded', 'event=' || ${event}::text || '&data[FIELDS][ID]=' || external_id, 'done', 1,
             created_at + interval '1 second', created_at + interval '2 seconds'
      from ${sql.raw(table)} where org_id = ${orgId} and source_id = ${org.bitrix} and created_at > ${since} and created_at + interval '1 second' <= ${now.toISOString()}::timestamptz
        and ${localDay("created_at + interval '1 second'")} not between ${outageFrom}::date and ${outageTo}::date`;
    await db.execute(events("leads", "ONCRMLEADADD"));
    await db.execute(events("deals", "ONCRMDEALADD"));
    await db.execute(events("activities", "ONCRMACTIVITYADD"));
    planted.push({ type: "webhooks", key: org.bitrix, from: outageFrom, to: outageTo });
  }
  return planted;
}

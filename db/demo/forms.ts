// The demo's site form: a Tilda landing page of the online school whose submissions mostly reach
// amoCRM (the same person's lead, a few minutes later, the phone spelled as the visitor typed it)
// and partly get lost on the way. Matching is the product's own (lib/forms/match.ts).
import { sql } from "drizzle-orm";
import { matchFormLeads } from "@/lib/forms/match";
import { selectRows } from "../migrate";
import * as schema from "../schema";
import type { Db } from "../types";
import type { Ctx } from "./context";
import { insertRows } from "./insert";
import { randomPerson } from "./names";
import { pickOrigin } from "./origin";
import { DAY } from "./timeline";

/** Submissions per deal of the whole history, over the last FORM_DAYS days. */
export const FORM_LEADS_PER_DEAL = 0.05;
const FORM_DAYS = 90;
const REACHED_SHARE = 0.7;
const FORMS = [
  { id: "form51384201", name: "Пробный урок" },
  { id: "form51384202", name: "Консультация" },
  { id: "form51384203", name: "Скачать программу" },
];

type CrmLead = { createdAt: Date | string; name: string; phone: string | null; email: string | null; utmSource: string | null; utmMedium: string | null; utmCampaign: string | null };

/** "+77011234567" as people type it: "8 (701) 123-45-67", "+7 701 123 45 67", "87011234567". */
function respell(phone: string, variant: number): string {
  const d = phone.replace(/\D/g, "").slice(-10);
  const spellings = [`8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`, `+7 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6, 8)} ${d.slice(8)}`, `8${d}`];
  return spellings[variant % spellings.length];
}

export async function seedDemoForms(tx: Db, ctx: Ctx, deals: number): Promise<void> {
  const { rnd, orgId, timeline } = ctx;
  const sourceId = rnd.uuid();
  await insertRows(tx, schema.sources, [
    { id: sourceId, orgId, kind: "form", name: "Tilda — лендинг онлайн-школы", baseUrl: null, credentials: null, webhookSecret: rnd.hex(16), settings: {}, isActive: true, createdAt: timeline.start },
  ]);
  const since = new Date(timeline.now.getTime() - FORM_DAYS * DAY);
  const crmLeads = await selectRows<CrmLead>(
    tx,
    sql`select l.created_at as "createdAt", c.name, c.phone, c.email, l.utm_source as "utmSource", l.utm_medium as "utmMedium", l.utm_campaign as "utmCampaign"
      from leads l join contacts c on c.id = l.contact_id join sources s on s.id = l.source_id and s.kind = 'amocrm'
      where l.org_id = ${orgId} and l.deleted_at is null and l.created_at >= ${since.toISOString()}::timestamptz and (c.phone is not null or c.email is not null)
      order by l.created_at, l.external_id`,
  );
  const leadRows: (typeof schema.leads.$inferInsert)[] = [];
  const formRows: (typeof schema.formLeads.$inferInsert)[] = [];
  const count = Math.max(1, Math.round(deals * FORM_LEADS_PER_DEAL));
  for (let i = 0; i < count; i++) {
    const form = rnd.pick(FORMS);
    const crm = crmLeads.length > 0 && rnd.chance(REACHED_SHARE) ? rnd.pick(crmLeads) : null;
    let who: { name: string; phoneRaw: string | null; phone: string | null; email: string | null };
    let receivedAt: Date;
    let utm: { utmSource: string | null; utmMedium: string | null; utmCampaign: string | null };
    if (crm) {
      // Sent a few minutes before the CRM lead appeared, by the same person.
      receivedAt = new Date(new Date(crm.createdAt).getTime() - rnd.int(2, 180) * 60_000);
      const byPhone = crm.phone !== null && (crm.email === null || rnd.chance(0.8));
      who = { name: crm.name, phoneRaw: byPhone ? respell(crm.phone!, i) : null, phone: byPhone ? crm.phone : null, email: byPhone ? null : crm.email };
      utm = { utmSource: crm.utmSource, utmMedium: crm.utmMedium, utmCampaign: crm.utmCampaign };
    } else {
      const person = randomPerson(rnd, 0.3);
      receivedAt = new Date(since.getTime() + rnd.int(0, FORM_DAYS * DAY - 3_600_000));
      who = { name: person.name, phoneRaw: respell(person.phone, i), phone: person.phone, email: person.email };
      const origin = pickOrigin(ctx, "amocrm");
      utm = { utmSource: origin.utmSource, utmMedium: origin.utmMedium, utmCampaign: origin.utmCampaign };
    }
    const leadId = rnd.uuid();
    const tranid = `${rnd.int(400_000, 499_999)}:${rnd.int(8_000_000, 8_999_999)}`;
    leadRows.push({ id: leadId, orgId, sourceId, externalId: `tranid:${tranid}`, title: who.name, statusSemantic: "open", channel: form.name, ...utm, createdAt: receivedAt });
    formRows.push({
      leadId,
      orgId,
      sourceId,
      formId: form.id,
      formName: form.name,
      name: who.name,
      phoneRaw: who.phoneRaw,
      emailRaw: who.email,
      phone: who.phone,
      email: who.email,
      contentHash: rnd.hex(32),
      receivedAt,
    });
  }
  await insertRows(tx, schema.leads, leadRows);
  await insertRows(tx, schema.formLeads, formRows);
  // Statistics of the rows written in this transaction first: without them the planner takes the
  // contacts, leads and deals for a few rows and nested-loops them, and at 1,000,000 deals the match
  // ran for more than ten minutes (docs/measurements.md, "Demo data").
  await tx.execute(sql`analyze contacts, leads, deals, form_leads, sources`);
  await matchFormLeads(tx, orgId);
}

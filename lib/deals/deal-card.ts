// The deal card: one deal within the viewer's scope with its stage timeline, its activities, its
// contact and company, and the link to its card in the CRM (GET /api/deals/:id, /deals/:id).
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { activities, crmUsers, companies, contacts, deals, organisations, sources } from "@/db/schema";
import { selectRows } from "@/db/migrate";
import type { Db } from "@/db/types";
import type { Scope } from "@/lib/auth/scope";
import { ValidationError } from "@/lib/errors";
import { isUuid } from "@/lib/uuid";
import { crmDealUrl } from "./crm-link";
import { getDeal, type DealRow } from "./deals";
import { patternsOfDeals, type DealPatternFigures } from "./patterns";
import { stageEntriesSql } from "@/lib/reports/facts/stage-entries";

/** The newest activities shown on a card; a deal with more says so through `activitiesTotal`. */
export const CARD_ACTIVITY_LIMIT = 200;

export type TimelineEntry = {
  stageId: string;
  stageName: string;
  semantic: "open" | "won" | "lost";
  enteredAt: string;
  leftAt: string | null;
  /** Days in the stage, to a tenth: until it left, or until now for the open stage it is in; null for the won/lost stage it ended in. */
  days: number | null;
  isBackward: boolean;
};

export type CardActivity = {
  id: string;
  type: "call" | "email" | "meeting" | "task";
  subject: string | null;
  direction: string | null;
  isCompleted: boolean;
  startAt: Date;
  durationSeconds: number | null;
  managerName: string | null;
};

export type CardParty = { id: string; name: string; phone: string | null; email: string | null };

export type DealCard = {
  deal: DealRow & { sourceName: string; sourceKind: string; crmUrl: string | null };
  timeline: TimelineEntry[];
  activities: CardActivity[];
  activitiesTotal: number;
  contact: CardParty | null;
  company: CardParty | null;
  /** The stored patterns (docs/deal-card.md); null until the deal's facts are built. */
  patterns: DealPatternFigures | null;
  timezone: string;
};

/** A malformed id is the caller's mistake (400); a well-formed one outside the scope is "not found" (404). */
export function parseDealId(id: string): string {
  if (!isUuid(id)) throw new ValidationError("id: must be a deal id", { field: "id" });
  return id;
}

export async function getDealCard(db: Db, scope: Scope, dealId: string, now = new Date()): Promise<DealCard> {
  const deal = await getDeal(db, scope, parseDealId(dealId));
  const [links] = await db
    .select({
      sourceName: sources.name,
      sourceKind: sources.kind,
      baseUrl: sources.baseUrl,
      crmAccountDomain: sources.crmAccountDomain,
      contactId: deals.contactId,
      companyId: deals.companyId,
      timezone: organisations.timezone,
    })
    .from(deals)
    .innerJoin(sources, eq(sources.id, deals.sourceId))
    .innerJoin(organisations, eq(organisations.id, deals.orgId))
    .where(eq(deals.id, deal.id));
  const contact = links.contactId ? await partyOf(db, contacts, links.contactId) : null;
  const companyId = links.companyId ?? (contact ? await companyOfContact(db, contact.id) : null);
  const [timeline, dealActivities, [count], patterns] = await Promise.all([
    timelineOf(db, deal.id, now),
    db
      .select({
        id: activities.id,
        type: activities.type,
        subject: activities.subject,
        direction: activities.direction,
        isCompleted: activities.isCompleted,
        startAt: activities.startAt,
        durationSeconds: activities.durationSeconds,
        managerName: crmUsers.name,
      })
      .from(activities)
      .leftJoin(crmUsers, eq(crmUsers.id, activities.crmUserId))
      .where(and(eq(activities.dealId, deal.id), isNull(activities.deletedAt)))
      .orderBy(desc(activities.startAt), desc(activities.id))
      .limit(CARD_ACTIVITY_LIMIT),
    db.select({ n: sql<number>`count(*)::int` }).from(activities).where(and(eq(activities.dealId, deal.id), isNull(activities.deletedAt))),
    patternsOfDeals(db, scope.orgId, [deal.id], now),
  ]);
  return {
    deal: { ...deal, sourceName: links.sourceName, sourceKind: links.sourceKind, crmUrl: crmDealUrl({ kind: links.sourceKind, baseUrl: links.baseUrl, crmAccountDomain: links.crmAccountDomain }, deal.externalId) },
    timeline,
    activities: dealActivities,
    activitiesTotal: Number(count?.n ?? 0),
    contact,
    company: companyId ? await partyOf(db, companies, companyId) : null,
    patterns: patterns.get(deal.id) ?? null,
    timezone: links.timezone,
  };
}

async function partyOf(db: Db, table: typeof contacts | typeof companies, id: string): Promise<CardParty | null> {
  const [row] = await db
    .select({ id: table.id, name: table.name, phone: table.phone, email: table.email })
    .from(table)
    .where(and(eq(table.id, id), isNull(table.deletedAt)));
  return row ?? null;
}

async function companyOfContact(db: Db, contactId: string): Promise<string | null> {
  const [row] = await db.select({ companyId: contacts.companyId }).from(contacts).where(eq(contacts.id, contactId));
  return row?.companyId ?? null;
}

type EntryRow = { stage_id: string; stage_name: string; semantic: TimelineEntry["semantic"]; entered_epoch: number; left_epoch: number | null; is_backward: boolean };

async function timelineOf(db: Db, dealId: string, now: Date): Promise<TimelineEntry[]> {
  const rows = await selectRows<EntryRow>(
    db,
    sql`select stage_id, stage_name, semantic, extract(epoch from entered_at)::float8 as entered_epoch,
          extract(epoch from left_at)::float8 as left_epoch, is_backward
        from ${stageEntriesSql(sql`select ${deals.id}, ${deals.stageId}, ${deals.createdAt} from ${deals} where ${deals.id} = ${dealId}::uuid`)} entries
        order by position`,
  );
  const nowEpoch = now.getTime() / 1000;
  return rows.map((row) => {
    const enteredEpoch = Number(row.entered_epoch);
    const leftEpoch = row.left_epoch === null ? null : Number(row.left_epoch);
    const until = leftEpoch ?? (row.semantic === "open" ? nowEpoch : null);
    return {
      stageId: row.stage_id,
      stageName: row.stage_name,
      semantic: row.semantic,
      enteredAt: new Date(enteredEpoch * 1000).toISOString(),
      leftAt: leftEpoch === null ? null : new Date(leftEpoch * 1000).toISOString(),
      days: until === null ? null : Math.round(Math.max(0, until - enteredEpoch) / 8640) / 10,
      isBackward: row.is_backward === true,
    };
  });
}

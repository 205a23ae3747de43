// Report facts: what the dashboards count, pre-computed on write (lib/reports/facts/refresh.ts).
// Per-row facts (one row per deal, lead, activity, deal × stage × day) remember what each source row
// contributed, so a change subtracts its old contribution from the daily rollups and adds the new
// one. Reports sum rollup rows (a few per day and manager) instead of scanning millions of rows.
// Only the organisation is a foreign key: the facts follow their rows through refreshReportFacts,
// and deleting an organisation cascades here too. docs/reports.md, "How reports stay fast".
import { char, date, doublePrecision, index, integer, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { activityTypeEnum, stageSemanticEnum } from "./crm";
import { organisations } from "./orgs";

const orgRef = () =>
  uuid("org_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
/** Exact sums: numeric without a scale, so adding and subtracting never rounds. */
const exact = (name: string) => numeric(name).notNull().default("0");

/** When the organisation's facts were last rebuilt from scratch; no row means "never": rebuild. */
export const reportFactState = pgTable("report_fact_state", {
  orgId: orgRef().primaryKey(),
  rebuiltAt: timestamp("rebuilt_at", { withTimezone: true }).notNull().defaultNow(),
  /** The shape of the facts last built (FACTS_VERSION in lib/reports/facts/refresh.ts): an older one is rebuilt. */
  version: integer("version").notNull().default(1),
});

/** One row per live deal: its keys, its local days, and its amounts in the base currency. */
export const reportDealFacts = pgTable(
  "report_deal_facts",
  {
    dealId: uuid("deal_id").primaryKey(),
    orgId: orgRef(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    pipelineId: uuid("pipeline_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    semantic: stageSemanticEnum("semantic").notNull(),
    leadId: uuid("lead_id"),
    currency: char("currency", { length: 3 }).notNull(),
    createdDay: date("created_day").notNull(),
    closedDay: date("closed_day"),
    /** At the rate of the day that values the deal where it stands: creation when open, else the close. */
    currentAmount: numeric("current_amount"),
    /** At the rate of the close day; null when not closed (or no rate). */
    closedAmount: numeric("closed_amount"),
    /** created → closed in seconds. */
    cycleSeconds: numeric("cycle_seconds"),
    /** The Traffic dashboard's keys (report_traffic_daily): the deal's team and its tags, trimmed, null when not set. */
    trafficTeamId: uuid("traffic_team_id"),
    utmSource: text("utm_source"),
    utmCampaign: text("utm_campaign"),
  },
  (t) => [
    index("report_deal_facts_lead_idx").on(t.leadId),
    index("report_deal_facts_rate_idx").on(t.orgId, t.currency, t.createdDay),
    index("report_deal_facts_closed_rate_idx").on(t.orgId, t.currency, t.closedDay),
    // The forecast's open pipeline weighted by stored win probabilities reads the scope's open deals
    // only; covering (every column the query and the filters read), so the scan never touches the
    // table: 180 → 63 ms for an organisation's 61,284 open deals at 1M deals (docs/reports.md).
    index("report_deal_facts_open_idx")
      .on(t.orgId, t.crmUserId, t.createdDay, t.stageId, t.pipelineId, t.sourceId, t.currentAmount, t.dealId)
      .where(sql`${t.semantic} = 'open'`),
  ],
);

/**
 * Deals summed per local day: kind "created" by creation day and current stage (count, amount at
 * the current stage's rate day), kind "closed" by close day (count, amount at the close rate, cycle).
 */
export const reportDealDaily = pgTable(
  "report_deal_daily",
  {
    orgId: orgRef(),
    kind: text("kind", { enum: ["created", "closed"] }).notNull(),
    day: date("day").notNull(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    pipelineId: uuid("pipeline_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    semantic: stageSemanticEnum("semantic").notNull(),
    deals: integer("deals").notNull().default(0),
    amount: exact("amount"),
    cycleSeconds: exact("cycle_seconds"),
  },
  (t) => [
    unique("report_deal_daily_key").on(t.orgId, t.kind, t.day, t.crmUserId, t.sourceId, t.pipelineId, t.stageId, t.semantic).nullsNotDistinct(),
    // a director's or a manager's rows without reading the whole organisation's
    index("report_deal_daily_manager_idx").on(t.orgId, t.crmUserId, t.kind, t.day),
  ],
);

/**
 * Per deal, stage and local day: whether the deal reached the stage that day (entered it, or, for an
 * open stage, a later open stage of its pipeline or a won stage), whether that was its first and its
 * last day of reaching it, and the stays in the stage that began that day: finished ones with their
 * length, unfinished ones with their start.
 */
export const reportStageFacts = pgTable(
  "report_stage_facts",
  {
    dealId: uuid("deal_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    day: date("day").notNull(),
    orgId: orgRef(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    reached: integer("reached").notNull().default(0),
    firstReached: integer("first_reached").notNull().default(0),
    lastReached: integer("last_reached").notNull().default(0),
    closedStays: integer("closed_stays").notNull().default(0),
    staySeconds: exact("stay_seconds"),
    openStays: integer("open_stays").notNull().default(0),
    /** Sum of the unfinished stays' start instants (epoch seconds): their length is now × n − this. */
    openStartEpoch: exact("open_start_epoch"),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.stageId, t.day] })],
);

/**
 * Gaps of two days or more between two consecutive days on which a deal reached a stage. A deal
 * reached a stage in [A, B) unless all its days are before A, all are on or after B, or one of its
 * gaps spans the whole period: the GiST index finds those gaps (few, unless the period is short).
 */
export const reportStageGaps = pgTable(
  "report_stage_gaps",
  {
    dealId: uuid("deal_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    /** The day before the gap and the day after it (both days on which the deal reached the stage). */
    fromDay: date("from_day").notNull(),
    toDay: date("to_day").notNull(),
    orgId: orgRef(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.dealId, t.stageId, t.fromDay] }),
    index("report_stage_gaps_range_idx").using("gist", sql`daterange(${t.fromDay}, ${t.toDay}, '()')`),
  ],
);

export const reportStageDaily = pgTable(
  "report_stage_daily",
  {
    orgId: orgRef(),
    day: date("day").notNull(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    stageId: uuid("stage_id").notNull(),
    /** Deals whose first (last) day of reaching the stage was this day. */
    firstReached: integer("first_reached").notNull().default(0),
    lastReached: integer("last_reached").notNull().default(0),
    closedStays: integer("closed_stays").notNull().default(0),
    staySeconds: exact("stay_seconds"),
    openStays: integer("open_stays").notNull().default(0),
    openStartEpoch: exact("open_start_epoch"),
  },
  (t) => [
    unique("report_stage_daily_key").on(t.orgId, t.day, t.crmUserId, t.sourceId, t.stageId).nullsNotDistinct(),
    index("report_stage_daily_manager_idx").on(t.orgId, t.crmUserId, t.day),
  ],
);

/** One row per live lead: creation day, channel and utm_source keys, converted, days to convert. */
export const reportLeadFacts = pgTable(
  "report_lead_facts",
  {
    leadId: uuid("lead_id").primaryKey(),
    orgId: orgRef(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    day: date("day").notNull(),
    channel: text("channel"),
    utmSource: text("utm_source"),
    /** The Traffic dashboard's keys (report_traffic_daily): the lead's team and utm_campaign, trimmed, null when not set. */
    trafficTeamId: uuid("traffic_team_id"),
    utmCampaign: text("utm_campaign"),
    converted: integer("converted").notNull(),
    /** Exact (not rounded) days from the lead to its conversion; null when not converted or no date. */
    daysToConvert: doublePrecision("days_to_convert"),
  },
  // The medians read only converted leads with a date: by day for the whole organisation, by
  // manager first for a director or a manager (covering, so the scans never touch the table).
  (t) => [
    index("report_lead_facts_days_idx").on(t.orgId, t.day, t.crmUserId, t.sourceId, t.channel, t.daysToConvert).where(sql`${t.daysToConvert} is not null`),
    index("report_lead_facts_manager_days_idx").on(t.orgId, t.crmUserId, t.day, t.sourceId, t.channel, t.daysToConvert).where(sql`${t.daysToConvert} is not null`),
  ],
);

/** Leads per local day, manager and source, keyed once by channel and once by utm_source. */
export const reportLeadDaily = pgTable(
  "report_lead_daily",
  {
    orgId: orgRef(),
    dimension: text("dimension", { enum: ["channel", "utm"] }).notNull(),
    day: date("day").notNull(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    value: text("value"),
    leads: integer("leads").notNull().default(0),
    converted: integer("converted").notNull().default(0),
  },
  (t) => [
    unique("report_lead_daily_key").on(t.orgId, t.dimension, t.day, t.crmUserId, t.sourceId, t.value).nullsNotDistinct(),
    index("report_lead_daily_manager_idx").on(t.orgId, t.crmUserId, t.dimension, t.day),
  ],
);

/**
 * Converted leads with a date per month of creation, manager, source and channel, by their days to
 * conversion rounded to a tenth (the precision shown): medians come from these counts, whole months
 * at a time, and from report_lead_facts for the days of a period's partial months.
 */
export const reportLeadDaysMonthly = pgTable(
  "report_lead_days_monthly",
  {
    orgId: orgRef(),
    month: date("month").notNull(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    channel: text("channel"),
    /** Days to conversion × 10, rounded half away from zero. */
    tenths: integer("tenths").notNull(),
    leads: integer("leads").notNull().default(0),
  },
  (t) => [
    unique("report_lead_days_monthly_key").on(t.orgId, t.month, t.crmUserId, t.sourceId, t.channel, t.tenths).nullsNotDistinct(),
    index("report_lead_days_monthly_manager_idx").on(t.orgId, t.crmUserId, t.month),
  ],
);

/** The traffic rollups' leading columns: the organisation and what is counted. */
const trafficKind = () => ({ orgId: orgRef(), kind: text("kind", { enum: ["lead", "won"] }).notNull() });

/** The traffic rollups' keys after the day or month, and their sums. */
const trafficKeysAndSums = () => ({
  crmUserId: uuid("crm_user_id"),
  sourceId: uuid("source_id").notNull(),
  /** null for leads, which have no pipeline. */
  pipelineId: uuid("pipeline_id"),
  trafficTeamId: uuid("traffic_team_id"),
  utmSource: text("utm_source"),
  utmCampaign: text("utm_campaign"),
  rows: integer("rows").notNull().default(0),
  /** Won deals' closed amounts in the base currency (0 for leads). */
  amount: exact("amount"),
});

/**
 * Leads (kind "lead", by creation day) and won deals (kind "won", by close day, amount at the close
 * rate) per traffic team, utm_source and utm_campaign as written (trimmed; null when not set), manager,
 * source and, for deals, pipeline: what the Traffic dashboard sums (lib/reports/traffic-teams-queries.ts).
 * The same sums come in two grains: a period's whole months are read from the monthly table, the days
 * of its partial months from the daily one, so "all time" reads a few hundred rows per month.
 * Click ids (gclid, fbclid, yclid…) become one more key of both tables and of the lead and deal facts
 * once leads and deals carry them (see TRAFFIC_CLICK_ID_KEYS in lib/reports/facts/rollups.ts).
 */
export const reportTrafficDaily = pgTable(
  "report_traffic_daily",
  { ...trafficKind(), day: date("day").notNull(), ...trafficKeysAndSums() },
  (t) => [
    unique("report_traffic_daily_key").on(t.orgId, t.kind, t.day, t.crmUserId, t.sourceId, t.pipelineId, t.trafficTeamId, t.utmSource, t.utmCampaign).nullsNotDistinct(),
    index("report_traffic_daily_manager_idx").on(t.orgId, t.crmUserId, t.kind, t.day),
  ],
);

/** report_traffic_daily summed per month (the first day of the local month). */
export const reportTrafficMonthly = pgTable(
  "report_traffic_monthly",
  { ...trafficKind(), month: date("month").notNull(), ...trafficKeysAndSums() },
  (t) => [
    unique("report_traffic_monthly_key").on(t.orgId, t.kind, t.month, t.crmUserId, t.sourceId, t.pipelineId, t.trafficTeamId, t.utmSource, t.utmCampaign).nullsNotDistinct(),
    index("report_traffic_monthly_manager_idx").on(t.orgId, t.crmUserId, t.kind, t.month),
  ],
);

/** One row per live, completed activity: its local start day, type and call seconds. */
export const reportActivityFacts = pgTable("report_activity_facts", {
  activityId: uuid("activity_id").primaryKey(),
  orgId: orgRef(),
  crmUserId: uuid("crm_user_id"),
  sourceId: uuid("source_id").notNull(),
  day: date("day").notNull(),
  type: activityTypeEnum("type").notNull(),
  callSeconds: integer("call_seconds").notNull().default(0),
  /** The deal it belongs to, so a refresh knows which deals' patterns it changes, before and after. */
  dealId: uuid("deal_id"),
});

export const reportActivityDaily = pgTable(
  "report_activity_daily",
  {
    orgId: orgRef(),
    day: date("day").notNull(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    type: activityTypeEnum("type").notNull(),
    activities: integer("activities").notNull().default(0),
    callSeconds: exact("call_seconds"),
  },
  (t) => [
    unique("report_activity_daily_key").on(t.orgId, t.day, t.crmUserId, t.sourceId, t.type).nullsNotDistinct(),
    index("report_activity_daily_manager_idx").on(t.orgId, t.crmUserId, t.day),
  ],
);

/**
 * One row per live deal: its patterns (docs/deal-card.md) — completed activities by type, touches
 * (distinct local days with any), the last touch day, stage moves and moves backwards, the local
 * days of creation and close and the exact days to close. Figures that grow with the calendar
 * (days open, days since the last touch) are computed from these days when read.
 */
export const dealPatterns = pgTable(
  "deal_patterns",
  {
    dealId: uuid("deal_id").primaryKey(),
    orgId: orgRef(),
    crmUserId: uuid("crm_user_id"),
    sourceId: uuid("source_id").notNull(),
    semantic: stageSemanticEnum("semantic").notNull(),
    createdDay: date("created_day").notNull(),
    closedDay: date("closed_day"),
    /** Exact days from creation to the close moment; null while open or without a close moment. */
    daysToClose: doublePrecision("days_to_close"),
    activities: integer("activities").notNull().default(0),
    calls: integer("calls").notNull().default(0),
    emails: integer("emails").notNull().default(0),
    meetings: integer("meetings").notNull().default(0),
    tasks: integer("tasks").notNull().default(0),
    touches: integer("touches").notNull().default(0),
    lastTouchDay: date("last_touch_day"),
    stageChanges: integer("stage_changes").notNull().default(0),
    movesBack: integer("moves_back").notNull().default(0),
  },
  (t) => [
    // "open deals without a touch for N days" and the managers' medians read by manager and state
    index("deal_patterns_org_idx").on(t.orgId, t.semantic, t.crmUserId),
  ],
);

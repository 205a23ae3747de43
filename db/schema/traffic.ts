// Traffic teams (targetologists), the UTM rules that attribute leads and deals to them, and ad spend.
import { boolean, char, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, money, orgId } from "./common";
import { organisations } from "./orgs";

/** The field a rule reads: a UTM tag, the referrer or a click id. */
export const utmFieldEnum = pgEnum("utm_field", ["utm_source", "utm_medium", "utm_campaign", "utm_content", "utm_term", "referrer", "fbclid", "gclid", "yclid"]);
export const ruleMatchEnum = pgEnum("rule_match", ["equals", "contains", "starts_with", "regex"]);

export const trafficTeams = pgTable(
  "traffic_teams",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    color: text("color").notNull().default("#2f6fed"),
    emoji: text("emoji"),
    /** An exact utm_source that belongs to this team alone (high confidence). */
    primarySourceCode: text("primary_source_code"),
    telegramChatId: text("telegram_chat_id"),
    isActive: boolean("is_active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("traffic_teams_org_name_uq").on(t.orgId, t.name)],
);

export const attributionRules = pgTable(
  "attribution_rules",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => trafficTeams.id, { onDelete: "cascade" }),
    field: utmFieldEnum("field").notNull(),
    match: ruleMatchEnum("match").notNull(),
    pattern: text("pattern").notNull(),
    priority: integer("priority").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("attribution_rules_org_idx").on(t.orgId, t.priority)],
);

export const adSpend = pgTable(
  "ad_spend",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => trafficTeams.id, { onDelete: "cascade" }),
    day: date("day").notNull(),
    utmSource: text("utm_source").notNull().default(""),
    utmCampaign: text("utm_campaign").notNull().default(""),
    amount: money("amount").notNull(),
    currency: char("currency", { length: 3 }).notNull(),
    createdAt: createdAt(),
  },
  // One figure per team, day, source and campaign: re-importing a file replaces, never doubles.
  (t) => [uniqueIndex("ad_spend_key_uq").on(t.orgId, t.teamId, t.day, t.utmSource, t.utmCampaign, t.currency)],
);

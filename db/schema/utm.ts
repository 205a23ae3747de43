// The UTM tags, referrer, click ids and traffic-team attribution that leads and deals both carry.
import { text, uuid, pgEnum } from "drizzle-orm/pg-core";
import { trafficTeams } from "./traffic";

export const confidenceEnum = pgEnum("attribution_confidence", ["high", "medium", "low"]);

export const utmColumns = () => ({
  utmSource: text("utm_source"),
  utmMedium: text("utm_medium"),
  utmCampaign: text("utm_campaign"),
  utmContent: text("utm_content"),
  utmTerm: text("utm_term"),
  /** The page the visitor came from, and the ad networks' click ids (fbclid is case-sensitive: stored as sent). */
  referrer: text("referrer"),
  fbclid: text("fbclid"),
  gclid: text("gclid"),
  yclid: text("yclid"),
  trafficTeamId: uuid("traffic_team_id").references(() => trafficTeams.id, { onDelete: "set null" }),
  attributionConfidence: confidenceEnum("attribution_confidence"),
});

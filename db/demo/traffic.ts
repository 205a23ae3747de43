// Traffic teams, their UTM rules, and their daily ad spend — sized against the revenue the teams'
// tags bring in (roughly a third of it), with the same season and growth as the sales.
import type { adSpend, attributionRules, trafficTeams } from "../schema";
import { TAG_SETS, TEAMS } from "./attribution";
import type { Ctx, TeamRef } from "./context";
import type { Random } from "./random";
import { isoDay } from "./timeline";
import { exampleRuleSpecs } from "@/lib/attribution/example-rules";

type TeamRow = typeof trafficTeams.$inferInsert;
type RuleRow = typeof attributionRules.$inferInsert;
type AdSpendRow = typeof adSpend.$inferInsert;

/** Ad spend per deal of the dataset in KZT: ~30 % of the revenue the attributed deals bring. */
const SPEND_PER_DEAL = 19_000;
/** Telegram chats the teams' reports would go to. */
const TELEGRAM_CHATS = ["-1001874400121", "-1001874400122", "-1001874400123", null];

export function buildTraffic(rnd: Random, orgId: string, createdAt: Date): { teams: TeamRow[]; rules: RuleRow[]; teamRefs: TeamRef[] } {
  const teams: TeamRow[] = [];
  const rules: RuleRow[] = [];
  const teamRefs: TeamRef[] = [];
  TEAMS.forEach((spec, index) => {
    const id = rnd.uuid();
    teams.push({
      id, orgId, name: spec.name, color: spec.color, emoji: spec.emoji, primarySourceCode: spec.primarySourceCode,
      telegramChatId: TELEGRAM_CHATS[index], isActive: true, createdAt,
    });
    teamRefs.push({ ...spec, id });
    // The same rules "Import example rules" loads, so the demo and a fresh start agree.
    for (const rule of exampleRuleSpecs(spec.keywords)) rules.push({ id: rnd.uuid(), orgId, teamId: id, ...rule, createdAt });
  });
  return { teams, rules, teamRefs };
}

/** One row per team and day (plus a few USD rows of an agency), yielded a few hundred at a time. */
export function* generateAdSpend(ctx: Ctx, deals: number): Generator<AdSpendRow[]> {
  const { rnd, timeline, orgId } = ctx;
  const budget = SPEND_PER_DEAL * deals;
  let rows: AdSpendRow[] = [];
  for (let day = 0; day < timeline.days; day++) {
    const dayBudget = (budget * timeline.weights[day]) / timeline.total;
    if (dayBudget <= 0) continue;
    const date = isoDay(timeline, day);
    const createdAt = new Date(Math.min(timeline.now.getTime(), timeline.start.getTime() + (day + 1) * 86_400_000));
    for (const team of ctx.teams) {
      let kzt = dayBudget * team.budgetShare * rnd.float(0.75, 1.25);
      const campaign = TAG_SETS.find((t) => t.team === team.key && t.utmSource === team.primarySourceCode)?.utmCampaign ?? "";
      if (team.key === "kenesary" && rnd.chance(0.3)) {
        // An agency that bills Kenesary in dollars now and then.
        const share = kzt * 0.3;
        kzt -= share;
        const usd = share / ctx.rates.rateOn("USD", day);
        rows.push({ id: rnd.uuid(), orgId, teamId: team.id, day: date, utmSource: "pb_agency", utmCampaign: "spring_sale", amount: usd.toFixed(2), currency: "USD", createdAt });
      }
      const inUsd = team.currency === "USD";
      const amount = inUsd ? kzt / ctx.rates.rateOn("USD", day) : Math.round(kzt);
      rows.push({
        id: rnd.uuid(), orgId, teamId: team.id, day: date, utmSource: team.primarySourceCode, utmCampaign: campaign,
        amount: inUsd ? amount.toFixed(2) : String(amount), currency: team.currency, createdAt,
      });
    }
    if (rows.length >= 1_000) {
      yield rows;
      rows = [];
    }
  }
  if (rows.length > 0) yield rows;
}

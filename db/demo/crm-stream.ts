// Walks the calendar day by day and hands out CRM history in batches, so a million deals never sit
// in memory at once. External ids grow with time, as they do in a real CRM.
import type { Ctx } from "./context";
import { addDeal } from "./deals";
import { addLooseLead, LOOSE_LEADS_PER_DEAL } from "./leads";
import { emptyCrmBatch, type CrmBatch } from "./rows";
import { countOnDay } from "./timeline";

export function* generateCrmHistory(ctx: Ctx, deals: number, batchDeals: number): Generator<CrmBatch> {
  const looseLeads = Math.round(deals * LOOSE_LEADS_PER_DEAL);
  let batch = emptyCrmBatch();
  for (let day = 0; day < ctx.timeline.days; day++) {
    const dealsToday = countOnDay(ctx.timeline, day, deals);
    for (let i = 0; i < dealsToday; i++) {
      addDeal(ctx, batch, day);
      if (batch.deals.length >= batchDeals) {
        yield batch;
        batch = emptyCrmBatch();
      }
    }
    const leadsToday = countOnDay(ctx.timeline, day, looseLeads);
    for (let i = 0; i < leadsToday; i++) addLooseLead(ctx, batch, day);
  }
  if (batch.deals.length > 0 || batch.leads.length > 0) yield batch;
}

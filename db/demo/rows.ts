// Row types of the tables the demo fills, and the batches the streaming generators hand to the writer.
import type * as schema from "../schema";

export type CompanyRow = typeof schema.companies.$inferInsert;
export type ContactRow = typeof schema.contacts.$inferInsert;
export type LeadRow = typeof schema.leads.$inferInsert;
export type DealRow = typeof schema.deals.$inferInsert;
export type StageChangeRow = typeof schema.stageChanges.$inferInsert;
export type ActivityRow = typeof schema.activities.$inferInsert;
export type ConversationTextRow = typeof schema.conversationTexts.$inferInsert;
export type CustomerRow = typeof schema.customers.$inferInsert;
export type OrderRow = typeof schema.orders.$inferInsert;
export type AdSpendRow = typeof schema.adSpend.$inferInsert;
export type ExchangeRateRow = typeof schema.exchangeRates.$inferInsert;

/** One slice of CRM history, in foreign-key order: companies and contacts before leads before deals. */
export type CrmBatch = {
  companies: CompanyRow[];
  contacts: ContactRow[];
  leads: LeadRow[];
  deals: DealRow[];
  stageChanges: StageChangeRow[];
  activities: ActivityRow[];
  conversationTexts: ConversationTextRow[];
};

export const emptyCrmBatch = (): CrmBatch => ({ companies: [], contacts: [], leads: [], deals: [], stageChanges: [], activities: [], conversationTexts: [] });

export type ShopBatch = { customers: CustomerRow[]; orders: OrderRow[] };

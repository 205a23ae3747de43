// Everything a message about won deals needs, read when it is sent (not when it is queued), so a
// contact or a team chat that arrived meanwhile is used: one query for a whole batch.
import { eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { companies, contacts, crmUsers, deals, organisations, pipelines, stages, trafficTeams } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Locale } from "@/lib/format";
import type { SaleFacts } from "./template";

export type DealForMessage = SaleFacts & {
  dealId: string;
  isWon: boolean;
  isDeleted: boolean;
  teamChatId: string | null;
  locale: Locale;
};

const contactCompany = alias(companies, "contact_company");

export async function loadDealsForMessages(db: Db, dealIds: string[]): Promise<Map<string, DealForMessage>> {
  if (dealIds.length === 0) return new Map();
  const rows = await db
    .select({
      dealId: deals.id,
      title: deals.title,
      amount: deals.amount,
      currency: deals.currency,
      utmCampaign: deals.utmCampaign,
      deletedAt: deals.deletedAt,
      semantic: stages.semantic,
      teamName: trafficTeams.name,
      teamChatId: trafficTeams.telegramChatId,
      contactName: contacts.name,
      companyName: companies.name,
      contactCompanyName: contactCompany.name,
      pipelineName: pipelines.name,
      managerName: crmUsers.name,
      locale: organisations.locale,
    })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .innerJoin(organisations, eq(organisations.id, deals.orgId))
    .leftJoin(trafficTeams, eq(trafficTeams.id, deals.trafficTeamId))
    .leftJoin(contacts, eq(contacts.id, deals.contactId))
    .leftJoin(companies, eq(companies.id, deals.companyId))
    .leftJoin(contactCompany, eq(contactCompany.id, contacts.companyId))
    .leftJoin(pipelines, eq(pipelines.id, deals.pipelineId))
    .leftJoin(crmUsers, eq(crmUsers.id, deals.crmUserId))
    .where(inArray(deals.id, dealIds));
  return new Map(
    rows.map((row) => [
      row.dealId,
      {
        dealId: row.dealId,
        title: row.title,
        amount: row.amount,
        currency: row.currency,
        utmCampaign: row.utmCampaign,
        teamName: row.teamName,
        teamChatId: row.teamChatId,
        contactName: row.contactName,
        companyName: row.companyName ?? row.contactCompanyName,
        pipelineName: row.pipelineName,
        managerName: row.managerName,
        locale: row.locale,
        isWon: row.semantic === "won",
        isDeleted: row.deletedAt !== null,
      },
    ]),
  );
}

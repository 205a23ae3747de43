// The header search (GET /api/search, docs/search.md): deals and leads by title, contacts, companies
// and customers by name, phone and e-mail — each kind within the viewer's scope, a few of each.
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { companies, contacts, crmUsers, customers, deals, leads, stages } from "@/db/schema";
import type { Db } from "@/db/types";
import { scopeCondition, type Scope } from "@/lib/auth/scope";
import { matchCondition } from "./match";
import { searchTerms, type SearchTerms } from "./terms";

/** Results of each kind; the dropdown shows them all at once. */
export const SEARCH_LIMIT = 5;

export const searchKinds = ["deals", "leads", "contacts", "companies", "customers"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** One found row: what to call it, a few facts to tell it from its namesakes, and where it opens (null: no page of its own in scope). */
export type SearchHit = {
  id: string;
  title: string;
  href: string | null;
  phone?: string | null;
  email?: string | null;
  /** Deals: the stage, amount and currency; leads: the status. */
  stage?: string;
  status?: string;
  amount?: string;
  currency?: string;
  manager?: string | null;
  company?: string | null;
};

export type SearchResult = { query: string; groups: { kind: SearchKind; hits: SearchHit[] }[] };

export type SearchOptions = { country: string; canSeeCustomers: boolean };

export async function search(db: Db, scope: Scope, query: string, options: SearchOptions): Promise<SearchResult> {
  const terms = searchTerms(query, options.country);
  const [dealHits, leadHits, contactHits, companyHits, customerHits] = await Promise.all([
    throughIndexes(db, (tx) => searchDeals(tx, scope, terms)),
    throughIndexes(db, (tx) => searchLeads(tx, scope, terms)),
    throughIndexes(db, (tx) => searchContacts(tx, scope, terms)),
    throughIndexes(db, (tx) => searchCompanies(tx, scope, terms)),
    options.canSeeCustomers ? throughIndexes(db, (tx) => searchCustomers(tx, scope.orgId, terms)) : [],
  ]);
  const groups = [
    { kind: "deals" as const, hits: dealHits },
    { kind: "leads" as const, hits: leadHits },
    { kind: "contacts" as const, hits: contactHits },
    { kind: "companies" as const, hits: companyHits },
    { kind: "customers" as const, hits: customerHits },
  ];
  return { query: query.trim(), groups: groups.filter((group) => group.hits.length > 0) };
}

/**
 * Each kind's query reads its rows through the search indexes (bitmap scans) and takes the first
 * hits found, newest first among them. PostgreSQL cannot estimate a prefix tsquery ("поставк:*"):
 * left to itself it walked the (org, created_at) index newest first, filtering, and a word no lead
 * had read all 1.9M leads (13.7 s); any order over all the hits would read every hit of a common
 * word. Plans only change inside this transaction (docs/search.md, "Speed").
 */
async function throughIndexes<T>(db: Db, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_indexscan = off`);
    return run(tx);
  });
}

/** The hits newest first, without the time they were sorted by. */
function newestFirst<T extends { createdAt: Date }>(rows: T[]): Omit<T, "createdAt">[] {
  return [...rows]
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .map(({ createdAt, ...row }) => (void createdAt, row));
}

const dealHref = (id: string | null) => (id ? `/deals/${id}` : null);

/** The newest deal in scope that points at the row through `column`: where a lead, contact or company opens. */
function newestDeal(scope: Scope, column: SQL): SQL<string | null> {
  return sql<string | null>`(select ${deals.id} from ${deals} where ${column} and ${isNull(deals.deletedAt)} and ${scopeCondition(scope, deals)} order by ${deals.createdAt} desc limit 1)`;
}

async function searchDeals(db: Db, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  const match = matchCondition(terms, { words: deals.title });
  if (!match) return [];
  const rows = await db
    .select({ id: deals.id, createdAt: deals.createdAt, title: deals.title, stage: stages.name, status: stages.semantic, amount: deals.amount, currency: deals.currency, manager: crmUsers.name })
    .from(deals)
    .innerJoin(stages, eq(stages.id, deals.stageId))
    .leftJoin(crmUsers, eq(crmUsers.id, deals.crmUserId))
    .where(and(scopeCondition(scope, deals), isNull(deals.deletedAt), match))
    .limit(SEARCH_LIMIT);
  return newestFirst(rows).map((row) => ({ ...row, href: dealHref(row.id) }));
}

async function searchLeads(db: Db, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  const match = matchCondition(terms, { words: leads.title });
  if (!match) return [];
  const rows = await db
    .select({ id: leads.id, createdAt: leads.createdAt, title: leads.title, status: leads.statusSemantic, manager: crmUsers.name, dealId: newestDeal(scope, sql`${deals.leadId} = ${leads.id}`) })
    .from(leads)
    .leftJoin(crmUsers, eq(crmUsers.id, leads.crmUserId))
    .where(and(scopeCondition(scope, leads), isNull(leads.deletedAt), match))
    .limit(SEARCH_LIMIT);
  return newestFirst(rows).map(({ dealId, ...row }) => ({ ...row, href: dealHref(dealId) }));
}

async function searchContacts(db: Db, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  const columns = { words: contacts.name, phone: contacts.phone, email: contacts.email };
  const match = matchCondition(terms, columns);
  if (!match) return [];
  const rows = await db
    .select({ id: contacts.id, createdAt: contacts.createdAt, title: contacts.name, phone: contacts.phone, email: contacts.email, company: companies.name, dealId: newestDeal(scope, sql`${deals.contactId} = ${contacts.id}`) })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(scopeCondition(scope, contacts), isNull(contacts.deletedAt), match))
    .limit(SEARCH_LIMIT);
  return newestFirst(rows).map(({ dealId, ...row }) => ({ ...row, href: dealHref(dealId) }));
}

/**
 * Companies have no manager of their own: an admin finds every one, a director or a manager those
 * with a deal in their scope (the deal the company opens).
 */
async function searchCompanies(db: Db, scope: Scope, terms: SearchTerms): Promise<SearchHit[]> {
  const columns = { words: companies.name, phone: companies.phone, email: companies.email };
  const match = matchCondition(terms, columns);
  if (!match) return [];
  const dealId = newestDeal(scope, sql`${deals.companyId} = ${companies.id}`);
  const inScope = scope.kind === "org" ? undefined : sql`${dealId} is not null`;
  const rows = await db
    .select({ id: companies.id, createdAt: companies.createdAt, title: companies.name, phone: companies.phone, email: companies.email, dealId })
    .from(companies)
    .where(and(eq(companies.orgId, scope.orgId), isNull(companies.deletedAt), match, inScope))
    .limit(SEARCH_LIMIT);
  return newestFirst(rows).map(({ dealId: id, ...row }) => ({ ...row, href: dealHref(id) }));
}

/** Customers belong to no manager and are the admin's (lib/customers/access.ts): the caller checks the permission. */
async function searchCustomers(db: Db, orgId: string, terms: SearchTerms): Promise<SearchHit[]> {
  const columns = { words: customers.name, phone: customers.phone, email: customers.email };
  const match = matchCondition(terms, columns);
  if (!match) return [];
  const rows = await db
    .select({ id: customers.id, createdAt: customers.createdAt, title: sql<string>`coalesce(${customers.name}, ${customers.phone}, ${customers.email}, '')`, phone: customers.phone, email: customers.email })
    .from(customers)
    .where(and(eq(customers.orgId, orgId), match))
    .limit(SEARCH_LIMIT);
  return newestFirst(rows).map((row) => ({ ...row, href: `/customers?customer=${row.id}` }));
}

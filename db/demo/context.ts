// What every generator of the demo shares: the PRNG, the calendar, the ids made so far, and the
// per-source counters that hand out CRM external ids and feed the sync cursors at the end.
import type { AttributableTeam, TeamSpec } from "./attribution";
import type { CrmAccount, PipelineProfile } from "./catalog";
import type { Random } from "./random";
import type { Rates } from "./rates";
import type { Timeline } from "./timeline";

export type CrmKind = "bitrix24" | "amocrm";
export type Entity = "deal" | "lead" | "contact" | "company" | "stageChange" | "activity";

export type CrmUserRef = CrmAccount & { id: string; sourceId: string; activeFrom: number; activeUntil: number };
export type PipelineRef = {
  id: string;
  sourceId: string;
  source: CrmKind;
  name: string;
  share: number;
  profile: PipelineProfile;
  openStageIds: string[];
  wonStageId: string;
  lostStageId: string;
  /** Each stage's id in the CRM, by our id. */
  stageExternalIds: Record<string, string>;
};
export type TeamRef = TeamSpec & AttributableTeam;

export type Counter = { next: number; count: number; last: string | null };

export type Ctx = {
  rnd: Random;
  timeline: Timeline;
  orgId: string;
  sources: { bitrix24: string; amocrm: string; shop: string };
  crmUsers: CrmUserRef[];
  pipelines: PipelineRef[];
  teams: TeamRef[];
  rates: Rates;
  counters: Record<CrmKind, Record<Entity, Counter>>;
  shopOrders: Counter;
};

/** Where each source's ids start: Bitrix24 counts from small integers, amoCRM ids are large. */
const FIRST_IDS: Record<CrmKind, Record<Entity, number>> = {
  bitrix24: { deal: 1_000, lead: 3_000, contact: 500, company: 100, stageChange: 1, activity: 10_000 },
  amocrm: { deal: 24_100_000, lead: 0, contact: 41_300_000, company: 43_000_000, stageChange: 180_000_000, activity: 52_000_000 },
};

export function createCounters(): Ctx["counters"] {
  const make = (kind: CrmKind) =>
    Object.fromEntries(Object.entries(FIRST_IDS[kind]).map(([entity, next]) => [entity, { next, count: 0, last: null }])) as Record<
      Entity,
      Counter
    >;
  return { bitrix24: make("bitrix24"), amocrm: make("amocrm") };
}

/** The next CRM external id for one entity of one source. */
export function nextExternalId(ctx: Ctx, kind: CrmKind, entity: Entity): string {
  const counter = ctx.counters[kind][entity];
  const id = String(counter.next++);
  counter.count++;
  counter.last = id;
  return id;
}

export function nextShopOrderId(ctx: Ctx): string {
  const id = String(ctx.shopOrders.next++);
  ctx.shopOrders.count++;
  ctx.shopOrders.last = id;
  return id;
}

/** A CRM user of `kind` (any, when omitted) who worked at `at`, drawn by volume. */
export function pickCrmUser(ctx: Ctx, at: number, kind?: CrmKind): CrmUserRef {
  const candidates = ctx.crmUsers.filter((u) => at >= u.activeFrom && at < u.activeUntil && (!kind || u.source === kind));
  return ctx.rnd.weighted(
    candidates,
    candidates.map((u) => u.volume),
  );
}

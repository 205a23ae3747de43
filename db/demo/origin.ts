// Where a lead or deal came from: the CRM's source field (channel) and, for most paid traffic, UTM tags.
import { attributeUtm, TAG_SETS, type Attribution, type UtmTags } from "./attribution";
import { CHANNELS } from "./catalog";
import type { Ctx, CrmKind } from "./context";

export type Origin = { channel: string | null } & { [K in keyof UtmTags]: string | null } & Attribution;

/** amoCRM has no source field of its own; the online school fills a custom one from the landing page. */
const AMO_CHANNELS: typeof CHANNELS = [
  { name: "Instagram", weight: 40, utmChance: 0.9 },
  { name: "Веб-сайт", weight: 35, utmChance: 0.85 },
  { name: null, weight: 25, utmChance: 0.75 },
];
const CHANNEL_WEIGHTS = CHANNELS.map((c) => c.weight);
const AMO_CHANNEL_WEIGHTS = AMO_CHANNELS.map((c) => c.weight);
const TAG_WEIGHTS = TAG_SETS.map((t) => t.weight);
const NO_TAGS = { utmSource: null, utmMedium: null, utmCampaign: null, utmContent: null, utmTerm: null };

export function pickOrigin(ctx: Ctx, kind: CrmKind): Origin {
  const { rnd } = ctx;
  const channel = kind === "bitrix24" ? rnd.weighted(CHANNELS, CHANNEL_WEIGHTS) : rnd.weighted(AMO_CHANNELS, AMO_CHANNEL_WEIGHTS);
  if (!rnd.chance(channel.utmChance)) {
    return { channel: channel.name, ...NO_TAGS, trafficTeamId: null, attributionConfidence: "low" };
  }
  const set = rnd.weighted(TAG_SETS, TAG_WEIGHTS);
  const tags = {
    utmSource: set.utmSource,
    utmMedium: set.utmMedium,
    utmCampaign: set.utmCampaign,
    utmContent: rnd.chance(0.5) ? `creative_${rnd.int(1, 24)}` : null,
    utmTerm: set.utmMedium === "cpc" && rnd.chance(0.3) ? rnd.pick(["курс", "обучение", "купить", "цена"]) : null,
  };
  return { channel: channel.name, ...tags, ...attributeUtm(tags, ctx.teams) };
}

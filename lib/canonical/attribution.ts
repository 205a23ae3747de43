// Every lead and deal is stamped with its traffic team when it arrives, whichever path brought it
// (sync or webhook), so the traffic dashboard never waits for a background recompute.
import { loadAttributionMatcher, type Matcher, type UtmTags } from "@/lib/attribution";
import type { Db } from "@/db/types";

export type AttributionColumns = { trafficTeamId: string | null; attributionConfidence: "high" | "medium" | "low" };

/** Loads the organisation's rules once for a whole batch. */
export async function attributionStamper(db: Db, orgId: string): Promise<(utm: UtmTags) => AttributionColumns> {
  const matcher: Matcher = await loadAttributionMatcher(db, orgId);
  return (utm) => {
    const { teamId, confidence } = matcher(utm);
    return { trafficTeamId: teamId, attributionConfidence: confidence };
  };
}

// Reading and changing the viewer's own organisation; there is no way to name another one.
import { eq } from "drizzle-orm";
import { organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { rebuildReportFacts } from "@/lib/reports/facts/refresh";
import { diffFields, writeAudit } from "@/lib/audit";
import { assertCan } from "@/lib/auth/guards";
import { orgSettingsPatchSchema, type OrgSettingsPatch } from "./settings-schema";

export type OrgSettings = { id: string; name: string; baseCurrency: string; timezone: string; locale: "ru" | "en"; country: string };

const columns = {
  id: organisations.id,
  name: organisations.name,
  baseCurrency: organisations.baseCurrency,
  timezone: organisations.timezone,
  locale: organisations.locale,
  country: organisations.country,
};

export async function getOrgSettings(db: Db, viewer: Viewer): Promise<OrgSettings> {
  assertCan(viewer, "org:read");
  const [org] = await db.select(columns).from(organisations).where(eq(organisations.id, viewer.orgId)).limit(1);
  if (!org) throw new NotFoundError("Organisation");
  return org;
}

export async function updateOrgSettings(db: Db, viewer: Viewer, patch: OrgSettingsPatch): Promise<OrgSettings> {
  assertCan(viewer, "org:update");
  const changes = orgSettingsPatchSchema.parse(patch);
  return db.transaction(async (tx) => {
    const [current] = await tx.select(columns).from(organisations).where(eq(organisations.id, viewer.orgId)).for("no key update");
    if (!current) throw new NotFoundError("Organisation");
    const diff = diffFields(current, changes);
    if (Object.keys(diff).length === 0) return current;
    const [updated] = await tx.update(organisations).set(changes).where(eq(organisations.id, viewer.orgId)).returning(columns);
    // Changing the base currency does not convert stored exchange rates; the log shows when it happened.
    // Both the time zone (day buckets) and the base currency (converted amounts) are baked into the
    // report facts, so those two changes rebuild them.
    if ("timezone" in diff || "baseCurrency" in diff) await rebuildReportFacts(tx, viewer.orgId);
    await writeAudit(tx, viewer, { action: "org.update", targetType: "organisation", targetId: viewer.orgId, details: { changes: diff } });
    return updated;
  });
}

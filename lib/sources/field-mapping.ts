// amoCRM's field mapping: which of the account's lead fields hold the UTM tags, referrer and click
// ids. Reading it lists the account's fields (through the API, at its rate limit); saving it stores
// the mapping and starts a full sync — the re-read that writes each lead's new tags and, through the
// canonical writer, its traffic team — whose progress shows like any sync run's.
import { eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import { DEFAULT_FIELD_CODES, fieldMappingOf, TRAFFIC_KEYS, type AmoFieldMapping, type TrafficKey } from "@/lib/connectors/amocrm/field-mapping";
import type { CrmLeadField } from "@/lib/connectors/connector";
import { describeKind } from "@/lib/connectors/descriptors";
import { ValidationError } from "@/lib/errors";
import type { RunSummary } from "@/lib/sync/engine";
import { requestSync } from "@/lib/sync/request-sync";
import { clientForSource, type ClientDeps } from "./clients";
import { getSourceRow } from "./manage-sources";

type Admin = Pick<Viewer, "orgId" | "userId">;
type SourceRow = typeof sources.$inferSelect;

export type FieldMappingView = {
  /** The account's lead fields that can hold a text, by name. */
  fields: CrmLeadField[];
  /** Per key, the field ids read in order: the admin's choice, or the tracking field(s) of its code. */
  mapping: Record<TrafficKey, number[]>;
  /** Keys the admin has not mapped: read by tracking-data code. */
  defaultKeys: TrafficKey[];
};

function mappableSource(source: SourceRow): SourceRow {
  if (!describeKind(source.kind).mapsTrafficFields) {
    throw new ValidationError("Only an amoCRM source has fields chosen for its UTM tags", { code: "field_mapping_amocrm_only", field: "mapping" });
  }
  return source;
}

export async function getFieldMapping(db: Db, orgId: string, sourceId: string, deps: ClientDeps = {}): Promise<FieldMappingView> {
  const source = mappableSource(await getSourceRow(db, orgId, sourceId));
  const fields = (await clientForSource(db, source, deps).listLeadFields?.()) ?? [];
  const stored = fieldMappingOf(source.settings);
  const mapping = {} as Record<TrafficKey, number[]>;
  const defaultKeys: TrafficKey[] = [];
  for (const key of TRAFFIC_KEYS) {
    if (stored[key]) mapping[key] = stored[key];
    else {
      defaultKeys.push(key);
      mapping[key] = fields.filter((field) => field.code !== null && DEFAULT_FIELD_CODES[key].includes(field.code.toUpperCase())).map((field) => field.id);
    }
  }
  return { fields, mapping, defaultKeys };
}

export type SavedFieldMapping = { mapping: AmoFieldMapping; runId: string; finished: Promise<RunSummary> | null };

/**
 * Stores the mapping and starts the re-read (a full sync). While another run of the source is going
 * the answer is sync_busy (409) and the mapping stays as it was: a mapping that no run has applied
 * would leave the stored tags disagreeing with it.
 */
export async function saveFieldMapping(db: Db, viewer: Admin, sourceId: string, mapping: AmoFieldMapping, deps: ClientDeps = {}): Promise<SavedFieldMapping> {
  const source = mappableSource(await getSourceRow(db, viewer.orgId, sourceId));
  const before = source.settings;
  await db.update(sources).set({ settings: { ...before, fieldMapping: mapping } }).where(eq(sources.id, source.id));
  try {
    const { runId, finished } = await requestSync(db, viewer.orgId, source.id, { mode: "full", triggeredBy: viewer.userId, deps });
    await writeAudit(db, viewer, { action: "source.field_mapping", targetType: "source", targetId: source.id, details: { mapping, runId } });
    return { mapping, runId, finished };
  } catch (error) {
    await db.update(sources).set({ settings: before }).where(eq(sources.id, source.id));
    throw error;
  }
}

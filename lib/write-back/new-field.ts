// "Create field in the CRM" beside choosing one: a field for one Voronka value, made in the CRM with a
// fitting type and a name people recognise, then mapped to that value. One request for the CRM's
// list (refusing a name or code already there) and one that creates, both through the source's client
// and so through the portal's or account's one limiter. Audited.
import { eq } from "drizzle-orm";
import { sources } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { writeAudit } from "@/lib/audit";
import type { CrmNewField, CrmWritableField } from "@/lib/connectors/crm-writer";
import { ConnectorError } from "@/lib/connectors/errors";
import { AppError } from "@/lib/errors";
import { sourcesMessages } from "@/lib/i18n/sources-messages";
import { getSourceRow } from "@/lib/sources/manage-sources";
import type { ClientDeps } from "@/lib/sources/clients";
import { KEY_ENTITY, type WriteBackKey, type WriteBackSettings } from "./keys";
import { assertWritable, crmWriterOf } from "./manage";
import { writeBackSettingsOf } from "./settings";

/** Per value: the code (Bitrix24 UF_CRM_<code>, at most 13 characters) and what the field holds. */
const NEW_FIELDS: Record<WriteBackKey, Omit<CrmNewField, "name">> = {
  traffic_team: { code: "VRN_TEAM", kind: "text" },
  traffic_confidence: { code: "VRN_CONF", kind: "text" },
  utm_source: { code: "VRN_UTM_SRC", kind: "text" },
  utm_medium: { code: "VRN_UTM_MED", kind: "text" },
  utm_campaign: { code: "VRN_UTM_CAMP", kind: "text" },
  utm_content: { code: "VRN_UTM_CONT", kind: "text" },
  utm_term: { code: "VRN_UTM_TERM", kind: "text" },
  customer_category: { code: "VRN_CATEGORY", kind: "text" },
  customer_ltv: { code: "VRN_LTV", kind: "decimal" },
  win_probability: { code: "VRN_WIN_PROB", kind: "integer" },
  // A lead's fields are the lead's own (crm.lead.userfield.add): the same codes as on the deal.
  lead_traffic_team: { code: "VRN_TEAM", kind: "text" },
  lead_traffic_confidence: { code: "VRN_CONF", kind: "text" },
  lead_utm_source: { code: "VRN_UTM_SRC", kind: "text" },
  lead_utm_medium: { code: "VRN_UTM_MED", kind: "text" },
  lead_utm_campaign: { code: "VRN_UTM_CAMP", kind: "text" },
  lead_utm_content: { code: "VRN_UTM_CONT", kind: "text" },
  lead_utm_term: { code: "VRN_UTM_TERM", kind: "text" },
};

/** The name a new field gets unless the admin gives one: «Воронка: Команда трафика». */
export const defaultFieldName = (key: WriteBackKey) => `Воронка: ${sourcesMessages.ru.writeBack.keys[key]}`;

export type CreatedField = { field: CrmWritableField; settings: WriteBackSettings };

export async function createWriteBackField(
  db: Db,
  viewer: Pick<Viewer, "orgId" | "userId">,
  sourceId: string,
  input: { key: WriteBackKey; name?: string },
  deps: ClientDeps = {},
): Promise<CreatedField> {
  const source = await getSourceRow(db, viewer.orgId, sourceId);
  const writer = crmWriterOf(db, source, deps);
  assertWritable(writer, input.key);
  const entity = KEY_ENTITY[input.key];
  const spec: CrmNewField = { ...NEW_FIELDS[input.key], name: input.name ?? defaultFieldName(input.key) };
  const existing = (await writer.listFields(entity)).find((field) => sameName(field.name, spec.name) || field.id === `UF_CRM_${spec.code}`);
  if (existing) {
    throw new AppError(409, "write_back_field_exists", `The CRM already has the ${entity} field ${existing.name} (${existing.id}); choose it from the list`, {
      field: "name",
      params: { field: existing.id, name: existing.name },
    });
  }
  const field = await writer.createField(entity, spec).catch((error: unknown) => {
    throw refusalOf(error);
  });
  const current = writeBackSettingsOf(source.settings);
  const settings: WriteBackSettings = { isEnabled: current.isEnabled, fields: { ...current.fields, [input.key]: field.id } };
  await db.update(sources).set({ settings: { ...source.settings, writeBack: settings } }).where(eq(sources.id, source.id));
  await writeAudit(db, viewer, { action: "source.write_back_field_create", targetType: "source", targetId: source.id, details: { key: input.key, entity, ...field } });
  return { field, settings };
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase("ru") === b.trim().toLocaleLowerCase("ru");

/** The CRM's refusal as a 4xx with its own words: no rights (Bitrix24 lets only CRM administrators add fields), or the field itself refused. */
function refusalOf(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const words = error.details.crmWords ?? error.message;
  if (error.kind === "forbidden" || error.kind === "missing_scope") {
    return new AppError(403, "write_back_field_no_rights", `The CRM did not let this connection create a field (only a CRM administrator may): ${words}`, { params: { words } });
  }
  if (error.kind === "request") return new AppError(422, "write_back_field_refused", `The CRM refused to create the field: ${words}`, { params: { words } });
  return error;
}

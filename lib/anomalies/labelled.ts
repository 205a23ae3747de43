// Stored anomalies with what a person calls their series (the manager's or the source's name, the
// department), as the panel, Telegram and e-mail show them: one select for the three.
import { and, eq, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import { anomalies, crmUsers, departments, sources } from "@/db/schema";
import type { Db } from "@/db/types";

const labelledColumns = {
  type: anomalies.type,
  key: anomalies.seriesKey,
  department: departments.name,
  manager: crmUsers.name,
  source: sources.name,
  from: anomalies.fromDay,
  to: anomalies.toDay,
  expected: anomalies.expected,
  actual: anomalies.actual,
  direction: anomalies.direction,
  severity: anomalies.severity,
};

/** `select <the labelled columns and extra> from anomalies` joined to its names; add where, order, more joins. */
export function selectLabelledAnomalies<Extra extends SelectedFields>(db: Db, extra: Extra) {
  return db
    .select({ ...labelledColumns, ...extra })
    .from(anomalies)
    .leftJoin(departments, eq(departments.id, anomalies.departmentId))
    .leftJoin(crmUsers, eq(crmUsers.id, anomalies.crmUserId))
    .leftJoin(sources, and(eq(anomalies.type, "webhooks"), eq(sql`${sources.id}::text`, anomalies.seriesKey)));
}

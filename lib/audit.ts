// One row in audit_log per change made through the admin functions. Never put a secret in details.
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";

/** Every change the log records; the audit page names each in the reader's language (lib/i18n/audit-messages.ts). */
export const AUDIT_ACTIONS = [
  "user.invite",
  "user.update",
  "user.password.set",
  "user.crm-users.set",
  "department.create",
  "org.update",
  "notifications.update",
  "ai_settings.update",
  "exchange-rate.create",
  "exchange-rate.update",
  "exchange-rate.delete",
  "source.create",
  "source.update",
  "source.delete",
  "source.secret_reveal",
  "source.secret_rotate",
  "source.field_mapping",
  "source.write_back",
  "source.write_back_replay",
  "source.write_back_field_create",
  "shop_status.settings",
  "shop_status.resend",
  "token.create",
  "token.revoke",
  "traffic_team.create",
  "traffic_team.update",
  "traffic_team.delete",
  "traffic_team.import_examples",
  "attribution_rule.create",
  "attribution_rule.update",
  "attribution_rule.delete",
  "ad_spend.upsert",
  "ad_spend.delete",
  "plans.upsert",
  "saved_view.create",
  "saved_view.update",
  "saved_view.delete",
  "report_schedule.create",
  "report_schedule.update",
  "report_schedule.delete",
  "report_schedule.send",
  "report_schedule.unsubscribe",
  "anomaly_emails.on",
  "anomaly_emails.off",
  "display_token.create",
  "display_token.revoke",
  "embed_link.create",
  "embed_link.revoke",
  "demo.seeded",
  "win_model.train",
  // Hosted mode's operator, written in the operator's own organisation (docs/hosted.md).
  "operator.organisation_update",
  "operator.organisation_delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of object the log's changes are made to. */
export const AUDIT_TARGET_TYPES = ["user", "department", "organisation", "exchange_rate", "source", "api_token", "traffic_team", "attribution_rule", "ad_spend", "saved_view", "win_model", "report_schedule", "display_token", "embed_link"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];

export type AuditEntry = { action: AuditAction; targetType: AuditTargetType; targetId: string; details?: Record<string, unknown> };

export async function writeAudit(db: Db, viewer: Pick<Viewer, "orgId" | "userId">, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({ orgId: viewer.orgId, userId: viewer.userId, ...entry, details: entry.details ?? {} });
}

/** `{ field: { from, to } }` for the fields of `next` that differ from `current`. */
export function diffFields<T extends Record<string, unknown>>(current: T, next: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    if (next[key] !== undefined && next[key] !== current[key]) changes[key] = { from: current[key], to: next[key] };
  }
  return changes;
}

// One row in audit_log per change made through the admin functions. Never put a secret in details.
import { auditLog } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";

export type AuditEntry = { action: string; targetType: string; targetId: string; details?: Record<string, unknown> };

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

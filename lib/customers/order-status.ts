// Which shop order statuses count as completed (bought and kept) and which do not count at all.
// Shops name statuses freely; these are the common English names plus Bitrix's sale codes.
const COMPLETED = new Set(["completed", "complete", "done", "delivered", "finished", "f"]);
const CANCELLED = new Set(["cancelled", "canceled", "refunded", "returned", "deleted"]);

export function isCompletedStatus(status: string): boolean {
  return COMPLETED.has(status.trim().toLowerCase());
}

export function isCancelledStatus(status: string): boolean {
  return CANCELLED.has(status.trim().toLowerCase());
}

/** The same lists for SQL (lower-cased statuses). */
export const COMPLETED_STATUSES = [...COMPLETED];
export const CANCELLED_STATUSES = [...CANCELLED];

// A customer's category from their figures: inactive (no order for `inactiveDays`) first, then VIP
// (10+ completed orders or total spent ≥ the threshold), regular (3+ completed), otherwise new.
// "New" therefore covers 0–2 completed orders: the four categories must cover everyone.
export type CustomerCategory = "new" | "regular" | "vip" | "inactive";
export type CustomerSettingsValues = { vipTotalThreshold: string; inactiveDays: number };

export const DEFAULT_CUSTOMER_SETTINGS: CustomerSettingsValues = { vipTotalThreshold: "100000", inactiveDays: 180 };
export const VIP_COMPLETED_ORDERS = 10;
export const REGULAR_COMPLETED_ORDERS = 3;
const DAY_MS = 86_400_000;

export type CustomerFigures = { completedOrderCount: number; totalSpent: string; lastOrderAt: Date | null };

export function categoryOf(figures: CustomerFigures, settings: CustomerSettingsValues, now: Date): CustomerCategory {
  if (figures.lastOrderAt && now.getTime() - figures.lastOrderAt.getTime() > settings.inactiveDays * DAY_MS) return "inactive";
  if (figures.completedOrderCount >= VIP_COMPLETED_ORDERS || Number(figures.totalSpent) >= Number(settings.vipTotalThreshold)) return "vip";
  if (figures.completedOrderCount >= REGULAR_COMPLETED_ORDERS) return "regular";
  return "new";
}

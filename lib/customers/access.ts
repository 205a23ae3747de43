// Who may see customers: admins only. Orders and customers belong to no manager, and rows without
// a manager are the admin's (lib/auth/scope.ts); a director's department has no customers of its own.
import type { Action } from "@/lib/auth/permissions";

export const CUSTOMERS_ACTION: Action = "customers:read";

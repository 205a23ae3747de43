// One table from role to allowed actions. The server enforces it; the UI hides what it forbids.
export type Role = "admin" | "director" | "manager";

export const permissions = {
  "reports:read": ["admin", "director", "manager"],
  "tokens:manage-own": ["admin", "director", "manager"],
  // Saved views: everyone keeps their own; sharing reaches as far as the role's own scope.
  "views:manage-own": ["admin", "director", "manager"],
  "views:share-department": ["admin", "director"],
  "views:share-org": ["admin"],
  "org:read": ["admin", "director", "manager"],
  "org:update": ["admin"],
  "users:manage": ["admin"],
  "audit:read": ["admin"],
  "sources:manage": ["admin"],
  "sync:run": ["admin"],
  "rules:manage": ["admin"],
  // Orders and customers belong to no manager, so only the whole-company view may see them.
  "customers:read": ["admin"],
  // Sales plans: everyone reads those of their scope; directors set their department's, admins any.
  "plans:read": ["admin", "director", "manager"],
  "plans:manage": ["admin", "director"],
  // The win-probability model's quality (AUC, calibration) and retraining: the admin "Models" page.
  "models:manage": ["admin"],
  // Conversation analysis: the settings, the request log and POST /api/ai/analyze (docs/ai.md).
  "ai:manage": ["admin"],
  // Scheduled reports: directors schedule their department's (to its people), admins any, to anyone.
  "schedules:manage": ["admin", "director"],
  // TV screens and embed links show reports outside the app with their maker's scope (docs/tv-and-embed.md).
  "displays:manage": ["admin"],
  // Anomaly e-mails reach admins and directors only (lib/anomalies/mail.ts): their own switch.
  "anomalies:email-own": ["admin", "director"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

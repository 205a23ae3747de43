import { boolean, char, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, ts } from "./common";

export const localeEnum = pgEnum("locale", ["ru", "en"]);
export const roleEnum = pgEnum("role", ["admin", "director", "manager"]);

export const organisations = pgTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  baseCurrency: char("base_currency", { length: 3 }).notNull().default("KZT"),
  timezone: text("timezone").notNull().default("Asia/Almaty"),
  locale: localeEnum("locale").notNull().default("ru"),
  country: char("country", { length: 2 }).notNull().default("KZ"),
  // Hosted mode (docs/hosted.md). Created through the public sign-up: such an organisation never
  // holds an operator, whatever OPERATOR_EMAILS says (lib/operator/operator.ts).
  signedUpAt: ts("signed_up_at"),
  // Suspended by an operator: its people cannot sign in, its tokens and webhooks are refused.
  suspendedAt: ts("suspended_at"),
  // The operator's overrides of the QUOTA_* defaults; null means the default.
  quotaSources: integer("quota_sources"),
  quotaUsers: integer("quota_users"),
  quotaDeals: integer("quota_deals"),
  createdAt: createdAt(),
});

export const departments = pgTable(
  "departments",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_org_name_uq").on(t.orgId, t.name)],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    // Unique within an organisation (stored lower-case). The same e-mail may have an account in
    // several organisations: sign-in lets the password decide (lib/auth/sign-in.ts), so that
    // inviting an e-mail never tells an admin whether it has an account elsewhere.
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: roleEnum("role").notNull(),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    locale: localeEnum("locale"),
    isActive: boolean("is_active").notNull().default(true),
    /** The person's own switch for anomaly e-mails (lib/anomalies/mail-preference.ts), under the organisation's. */
    anomalyEmails: boolean("anomaly_emails").notNull().default(true),
    lastSignInAt: ts("last_sign_in_at"),
    /**
     * Sessions signed in before this moment are over (a new password set by an admin; a sign-out of
     * a cookie from before sessions had ids). A JWT cannot be revoked, and a request in flight during
     * sign-out can renew the cookie, so the server checks this.
     */
    sessionsValidAfter: ts("sessions_valid_after"),
    /** When the password was last set: of two accounts of one e-mail that the same password opens, the later one signs in. */
    passwordSetAt: ts("password_set_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_org_email_uq").on(t.orgId, t.email), index("users_email_idx").on(t.email), index("users_org_idx").on(t.orgId, t.role)],
);

/**
 * Sessions ended by signing out on one device. Each session carries its own id in its cookie, so
 * signing out ends that session and leaves the person's other devices signed in (lib/auth/sessions.ts).
 */
export const endedSessions = pgTable(
  "ended_sessions",
  {
    sessionId: uuid("session_id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    endedAt: ts("ended_at").notNull().defaultNow(),
  },
  (t) => [index("ended_sessions_user_idx").on(t.userId, t.endedAt)],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** The first characters, so a person can tell their tokens apart. */
    prefix: text("prefix").notNull(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_uq").on(t.tokenHash), index("api_tokens_user_idx").on(t.orgId, t.userId)],
);

/** Failed sign-ins per e-mail, kept in the database so every instance slows the same attacker. */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    key: text("key").primaryKey(),
    failures: integer("failures").notNull().default(0),
    lastFailureAt: ts("last_failure_at").notNull().defaultNow(),
  },
  // Every attempt drops a few counters older than a day (lib/auth/sign-in-throttle.ts): found by this.
  (t) => [index("sign_in_failures_last_failure_idx").on(t.lastFailureAt)],
);

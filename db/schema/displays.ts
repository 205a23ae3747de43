// Read-only ways to show dashboards outside the app: display tokens for a sales-floor TV (/tv) and
// signed embed links for a CRM widget (/embed/<token>). Both read with the rights of the person who
// made them and can only read (docs/tv-and-embed.md).
import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, referenceIndexes, ts } from "./common";
import { organisations, users } from "./orgs";

export const displayTokens = pgTable(
  "display_tokens",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** Whose scope the screen shows. */
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored (as API tokens). */
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    /** Dashboards of lib/saved-views/dashboards.ts, shown in this order. */
    dashboards: text("dashboards").array().notNull(),
    rotateSeconds: integer("rotate_seconds").notNull(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("display_tokens_org_idx").on(t.orgId, t.createdAt), index("display_tokens_hash_idx").on(t.tokenHash), ...referenceIndexes("display_tokens", [t.createdBy])],
);

export const embedLinks = pgTable(
  "embed_links",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id, { onDelete: "cascade" }),
    /** Whose scope the embedded dashboard shows. */
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    dashboard: text("dashboard").notNull(),
    /** The dashboard's filters in canonical form (empty: its defaults). */
    query: text("query").notNull().default(""),
    /** Also inside the signed token; kept here so the list can show it. */
    expiresAt: ts("expires_at").notNull(),
    revokedAt: ts("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("embed_links_org_idx").on(t.orgId, t.createdAt), ...referenceIndexes("embed_links", [t.createdBy])],
);

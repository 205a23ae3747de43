// Hosted mode's pending sign-ups: an organisation and its admin waiting for the e-mail to be
// confirmed. Nothing of them exists as an organisation or a user before that, so an unconfirmed
// admin cannot sign in. A global table (no tenant yet): a reference table when sharded.
import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./common";
import { localeEnum } from "./orgs";

export const signUps = pgTable(
  "sign_ups",
  {
    id: id(),
    orgName: text("org_name").notNull(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: localeEnum("locale").notNull().default("ru"),
    /** SHA-256 of the link's token; the token itself is only in the e-mail. */
    tokenHash: text("token_hash").notNull(),
    expiresAt: ts("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sign_ups_token_hash_uq").on(t.tokenHash), index("sign_ups_expires_idx").on(t.expiresAt)],
);

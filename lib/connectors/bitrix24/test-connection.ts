// "Test connection" for a Bitrix24 source: who are we, and may we read what the sync needs?
// `profile` needs no scope beyond the webhook itself; `scope` lists what was granted (docs/bitrix24-wire.md, "Addresses and authentication").
// Two attempts only: an admin is waiting for the answer. Only an answer shaped like Bitrix24's
// is believed, and only its short fields are repeated.
import { connectionFailure, failureFromError, type ConnectionFailure } from "../connection-check";
import { ConnectorError } from "../errors";
import type { Bitrix24Client } from "./client";

export type Bitrix24ConnectionResult = { ok: true; portal: string; user: { id: string; name: string; isAdmin: boolean }; scopes: string[] } | ConnectionFailure;

/** Scopes the sync reads with: crm.*, user.get (any user scope), department.get. */
const REQUIRED_SCOPES: { name: string; anyOf: string[] }[] = [
  { name: "crm", anyOf: ["crm"] },
  { name: "user", anyOf: ["user", "user_basic", "user_brief"] },
  { name: "department", anyOf: ["department"] },
];

type Profile = { ID?: unknown; NAME?: unknown; LAST_NAME?: unknown; ADMIN?: unknown };

export async function testBitrix24Connection(client: Bitrix24Client): Promise<Bitrix24ConnectionResult> {
  const host = client.host;
  try {
    const profile = await client.call<Profile>("profile", {}, { maxAttempts: 2 });
    const scopes = await client.call<unknown>("scope", {}, { maxAttempts: 2 });
    const id = typeof profile?.ID === "number" || typeof profile?.ID === "string" ? String(profile.ID) : "";
    if (!/^\d{1,12}$/.test(id) || !Array.isArray(scopes)) return connectionFailure("not_a_crm_answer", { host });
    const granted = scopes.filter((scope): scope is string => typeof scope === "string");
    const missing = REQUIRED_SCOPES.filter((scope) => !scope.anyOf.some((s) => granted.includes(s))).map((scope) => scope.name);
    if (missing.length > 0) return connectionFailure("missing_scope", { host, scopes: missing.join(", ") });
    const name = [profile.NAME, profile.LAST_NAME].filter((part): part is string => typeof part === "string" && part !== "").join(" ").trim().slice(0, 120);
    return { ok: true, portal: host, user: { id, name, isAdmin: profile.ADMIN === true }, scopes: granted };
  } catch (error) {
    if (error instanceof ConnectorError) return failureFromError(error, host);
    throw error;
  }
}

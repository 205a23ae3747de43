// "Test connection" for a Bitrix24 source: who are we, and may we read what the sync needs?
// `profile` needs no scope beyond the webhook itself; `scope` lists what was granted (§1.1).
// Two attempts only: an admin is waiting for the answer.
import { ConnectorError } from "../errors";
import type { Bitrix24Client } from "./client";

export type ConnectionFailure = "unreachable" | "timeout" | "bad_token" | "missing_scope" | "forbidden" | "payment_required" | "rate_limited" | "server_error" | "protocol" | "request";

export type Bitrix24ConnectionResult =
  | { ok: true; portal: string; user: { id: string; name: string; isAdmin: boolean }; scopes: string[] }
  | { ok: false; reason: ConnectionFailure; message: string };

/** Scopes the sync reads with: crm.*, user.get (any user scope), department.get. */
const REQUIRED_SCOPES: { name: string; anyOf: string[] }[] = [
  { name: "crm", anyOf: ["crm"] },
  { name: "user", anyOf: ["user", "user_basic", "user_brief"] },
  { name: "department", anyOf: ["department"] },
];

type Profile = { ID?: string | number; NAME?: string; LAST_NAME?: string; ADMIN?: boolean };

export async function testBitrix24Connection(client: Bitrix24Client): Promise<Bitrix24ConnectionResult> {
  try {
    const profile = await client.call<Profile>("profile", {}, { maxAttempts: 2 });
    const scopes = await client.call<string[]>("scope", {}, { maxAttempts: 2 });
    const granted = Array.isArray(scopes) ? scopes : [];
    const missing = REQUIRED_SCOPES.filter((scope) => !scope.anyOf.some((s) => granted.includes(s))).map((scope) => scope.name);
    if (missing.length > 0) {
      return {
        ok: false,
        reason: "missing_scope",
        message: `Bitrix24 portal ${client.host}: the webhook lacks the permissions ${missing.join(", ")}; tick them in the webhook settings and save`,
      };
    }
    const name = [profile.NAME, profile.LAST_NAME].filter(Boolean).join(" ").trim();
    return { ok: true, portal: client.host, user: { id: String(profile.ID ?? ""), name, isAdmin: profile.ADMIN === true }, scopes: granted };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, reason: error.kind, message: error.message };
    throw error;
  }
}

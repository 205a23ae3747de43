// "Test connection" for an amoCRM source: which account is this (its id and subdomain are what
// webhooks are later checked against), and who is the token's user? Two attempts only: an admin
// is waiting. Only an answer shaped like amoCRM's account is believed.
import { connectionFailure, failureFromError, type ConnectionFailure } from "../connection-check";
import { ConnectorError } from "../errors";
import type { AmoClient } from "./client";

export type AmoAccountIdentity = { id: string; subdomain: string };
export type AmoConnectionResult = { ok: true; portal: string; account: AmoAccountIdentity & { name: string }; user: { id: string; name: string } } | ConnectionFailure;

type AccountAnswer = { id?: unknown; name?: unknown; subdomain?: unknown; current_user_id?: unknown };

/** `/api/v4/account`'s id and subdomain, or null when the answer is not amoCRM's account. */
export function amoAccountIdentity(account: unknown): AmoAccountIdentity | null {
  const { id, subdomain } = (account ?? {}) as AccountAnswer;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) return null;
  if (typeof subdomain !== "string" || !/^[a-z0-9][a-z0-9-]{0,62}$/i.test(subdomain)) return null;
  return { id: String(id), subdomain: subdomain.toLowerCase() };
}

export async function testAmoConnection(client: AmoClient): Promise<AmoConnectionResult> {
  const host = client.host;
  try {
    const account = await client.get<AccountAnswer>("/api/v4/account", undefined, { maxAttempts: 2 });
    const identity = amoAccountIdentity(account);
    if (!account || !identity) return connectionFailure("not_a_crm_answer", { host });
    const userId = typeof account.current_user_id === "number" ? account.current_user_id : undefined;
    const user = userId ? await client.get<{ id?: unknown; name?: unknown }>(`/api/v4/users/${userId}`, undefined, { maxAttempts: 2 }) : null;
    const text = (value: unknown) => (typeof value === "string" ? value.slice(0, 120) : "");
    return {
      ok: true,
      portal: host,
      account: { ...identity, name: text(account.name) },
      user: { id: String(userId ?? ""), name: text(user?.name) },
    };
  } catch (error) {
    if (error instanceof ConnectorError) return failureFromError(error, host);
    throw error;
  }
}

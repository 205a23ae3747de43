// A worker's ear for ./signal.ts: one connection of its own that LISTENs on the work channel
// (DATABASE_DIRECT_URL when given: a transaction pooler does not pass LISTEN on).
// postgres.js re-subscribes after a reconnect by itself.
import postgres from "postgres";
import { postgresOptions } from "@/db/postgres-options";
import { errorMessage } from "@/lib/error-text";
import { isWorkKind, WORK_CHANNEL, type WorkKind } from "./signal";

export type WorkListener = { close: () => Promise<void> };

export async function listenForWork(databaseUrl: string, onWork: (kind: WorkKind) => void): Promise<WorkListener> {
  const client = postgres(databaseUrl, postgresOptions(databaseUrl, 1));
  try {
    await client.listen(WORK_CHANNEL, (payload) => {
      if (isWorkKind(payload)) onWork(payload);
    });
  } catch (error) {
    await client.end({ timeout: 1 });
    throw new Error(`could not listen for work: ${errorMessage(error)}`);
  }
  return { close: () => client.end({ timeout: 5 }) };
}

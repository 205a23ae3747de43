// What the batch appliers take and give back: the inbox rows of one source, and per event what
// became of it (the processor writes these marks in the same transaction as the effects).
import type { webhookEvents } from "@/db/schema";

export type InboxEvent = typeof webhookEvents.$inferSelect;

export type EventVerdict = { status: "done" } | { status: "ignored"; reason: string } | { status: "rejected"; reason: string };

/** By inbox event id. */
export type EventVerdicts = Map<number, EventVerdict>;

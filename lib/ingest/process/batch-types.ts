// What the batch appliers take and give back: the inbox rows of one source, and per event what
// became of it (the processor writes these marks in the same transaction as the effects).
import type { webhookEvents } from "@/db/schema";
import type { EventFailure } from "../event-failure";

export type InboxEvent = typeof webhookEvents.$inferSelect;

export type EventVerdict = { status: "done" } | { status: "ignored"; failure: EventFailure } | { status: "rejected"; failure: EventFailure };

/** By inbox event id. */
export type EventVerdicts = Map<number, EventVerdict>;

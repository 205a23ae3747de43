// What a sender-specific receiver decides about one delivery, before anything is written.
import type { CrmAccount } from "@/lib/sources/crm-account";
import { eventFailure, type EventFailure } from "../event-failure";
import type { InboxStatus } from "./inbox";

export type Verdict =
  | { kind: "unauthorized"; message: string }
  /** Answered as plain text and stored nowhere (Tilda's connection check, `test=test` → `ok`). */
  | { kind: "reply"; status: number; text: string }
  | {
      kind: "store";
      status: InboxStatus;
      eventType: string | null;
      /** Why it was rejected or ignored, by code; shown to admins in their language, never contains a secret. */
      failure?: EventFailure;
      /** The body as stored (Bitrix24's tokens are masked). */
      body: string;
      /** The HTTP answer once the row is committed. */
      answerStatus: number;
      /** The CRM account the delivery names, to be recorded when the source knows none yet. */
      account?: CrmAccount;
    };

export function isFormContentType(contentType: string | null): boolean {
  return (contentType ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");
}

export function isJsonContentType(contentType: string | null): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? "");
}

/** Why a delivery carrying a NUL character is refused: PostgreSQL text and jsonb cannot hold one. */
export const NUL_FAILURE = eventFailure("webhook_nul");

/** A delivery whose content type is not the one its sender's format uses. */
export function contentTypeFailure(contentType: string | null, expected: string): EventFailure {
  return eventFailure("webhook_content_type", { contentType: contentType ?? "(none)", expected });
}

/** A NUL in a form body, escaped (`%00`) or raw. */
export function formHasNul(body: string): boolean {
  return body.includes("\u0000") || /%00/.test(body);
}

/** A NUL in any key or string of parsed JSON (walked without recursion: nesting depth is the sender's). */
export function jsonHasNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node === "string") {
      if (node.includes("\u0000")) return true;
    } else if (node !== null && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes("\u0000")) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

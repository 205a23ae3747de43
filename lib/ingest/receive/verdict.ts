// What a sender-specific receiver decides about one delivery, before anything is written.
import type { CrmAccount } from "@/lib/sources/crm-account";
import type { InboxStatus } from "./inbox";

export type Verdict =
  | { kind: "unauthorized"; message: string }
  | {
      kind: "store";
      status: InboxStatus;
      eventType: string | null;
      /** Why it was rejected or ignored; shown to admins, never contains a secret. */
      reason?: string;
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

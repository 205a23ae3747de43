// A connector's failure reason as an error code: `crm_<kind>` (lib/error-codes.ts), so a sync run's
// failure and an API answer say what the CRM did in the reader's language.
import type { ErrorCode } from "@/lib/error-codes";
import type { ConnectorErrorKind } from "./errors";

export function connectorErrorCode(kind: ConnectorErrorKind): ErrorCode {
  // Compiles only while every kind has its code in the catalogue.
  const code: `crm_${ConnectorErrorKind}` & ErrorCode = `crm_${kind}`;
  return code;
}

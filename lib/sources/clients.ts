// A stored source's CRM, reached through its connector (lib/connectors/registry.ts) with its
// decrypted credentials. OAuth tokens rotate: the new pair is saved (encrypted) before it is used.
import type { AmoDeps } from "@/lib/connectors/amocrm/client";
import type { Bitrix24Deps } from "@/lib/connectors/bitrix24/client";
import type { CrmConnection } from "@/lib/connectors/connector";
import { connectorFor } from "@/lib/connectors/registry";
import type { sources, SourceKind } from "@/db/schema";
import type { Db } from "@/db/types";
import { ValidationError } from "@/lib/errors";
import { openCredentials, type SourceCredentials } from "./credentials";

export type SourceRow = typeof sources.$inferSelect;
/** What tests replace: the CRM clients' transport. */
export type ClientDeps = { bitrix24?: Bitrix24Deps; amocrm?: AmoDeps };

export function clientForSource(db: Db, source: SourceRow, deps: ClientDeps = {}): CrmConnection {
  const connector = connectorFor(source.kind);
  if (!connector.crm) throw connector.noCrm();
  const credentials = openCredentials(source.credentials);
  const connection = credentials ? connector.crm.connect(db, source, credentials, deps) : null;
  if (connection) return connection;
  throw new ValidationError("This source has no stored credentials; add it again with its webhook URL, OAuth tokens or token", { code: "source_no_credentials" });
}

/**
 * A client for credentials not saved yet, for the check before saving a source. It never renews
 * OAuth tokens: a renewed pair would be stored nowhere if the check then failed, and the admin's
 * refresh token would be spent. An access token that has expired fails the check as bad_credentials
 * (the admin may save anyway; the first sync renews it).
 */
export function checkOnlyClient(kind: SourceKind, baseUrl: string, credentials: SourceCredentials, deps: ClientDeps = {}): CrmConnection {
  const connector = connectorFor(kind);
  if (!connector.crm) throw connector.noCrm();
  const connection = connector.crm.connectForCheck(baseUrl, credentials, deps);
  if (connection) return connection;
  throw new ValidationError(`Credentials of kind ${credentials.kind} do not belong to a ${kind} source`, { code: "source_no_credentials" });
}

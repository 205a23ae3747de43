// What every part of Voronka may know about a source kind without loading its server code: the
// client-safe half of a connector (the server half is connector.ts in the kind's folder, reached
// through lib/connectors/registry.ts). The admin pages read these facts instead of asking
// "is it Bitrix24?"; the kind's name on screen is sourcesMessages[locale].kinds[kind] (lib/i18n).
import type { SourceKind } from "@/db/schema";
import type { SourcesMessages } from "@/lib/i18n/sources-messages";

/** A label or hint of the add form (lib/i18n/sources-messages.ts, `add`). */
type AddText = { [K in keyof SourcesMessages["add"]]: SourcesMessages["add"][K] extends string ? K : never }[keyof SourcesMessages["add"]];
/** One way of connecting a CRM, as the add form offers it (its name: `add.connections[id]`). */
export type ConnectionId = keyof SourcesMessages["add"]["connections"];

/** One field of the add form, named as POST /api/sources names it; the form renders them in this order. */
export type CredentialField = {
  name: string;
  /** The input's id (e2e tests and labels find it by this). */
  id: string;
  label: AddText;
  hint?: AddText;
  type?: "url" | "password";
  required: boolean;
};

export type SourceDescriptor = {
  kind: SourceKind;
  /** A CRM is connected, tested and synced through its API; the others only post to Voronka. */
  isCrm: boolean;
  /** How an admin may connect it, first the default; empty for a source that only posts to us. */
  connections: readonly { id: ConnectionId; fields: readonly CredentialField[] }[];
  /** Voronka issues it a secret (shown on Reveal and Rotate); false: the sender proves itself with its own token. */
  issuesSecret: boolean;
  /** The sender signs nothing, so its inbound address carries the secret (hidden unless revealed). */
  secretInUrl: boolean;
  /** The secret is a key the sender signs its bodies with (shown to be pasted into it). */
  signsBodies: boolean;
  /** Its events are checked against a token the admin copies from the CRM (Bitrix24's application token). */
  needsApplicationToken: boolean;
  /** An admin chooses, per pipeline, the stage that makes a lead converted (amoCRM). */
  choosesQualifiedStages: boolean;
  /** An admin chooses which of the CRM's lead fields hold the UTM tags, referrer and click ids (amoCRM). */
  mapsTrafficFields: boolean;
  /** Its submissions are matched to CRM leads within a window of days the admin sets (a site form). */
  hasMatchWindow: boolean;
  /** Takes its past orders as an import (POST /api/sources/:id/orders/import; a shop). */
  importsOrders: boolean;
  /** Shown under the new source's address once it is added. */
  addedHint?: AddText;
};

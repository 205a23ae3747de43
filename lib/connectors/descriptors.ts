// The client-safe registry: one descriptor per source kind (lib/connectors/descriptor.ts). Pages,
// client components and server code alike ask it what a kind can do.
import type { SourceKind } from "@/db/schema";
import { amocrmDescriptor } from "./amocrm/descriptor";
import { bitrix24Descriptor } from "./bitrix24/descriptor";
import type { SourceDescriptor } from "./descriptor";

export type { ConnectionId, CredentialField, SourceDescriptor } from "./descriptor";
import { formDescriptor } from "./form/descriptor";
import { shopDescriptor } from "./shop/descriptor";

const DESCRIPTORS = { bitrix24: bitrix24Descriptor, amocrm: amocrmDescriptor, shop: shopDescriptor, form: formDescriptor } satisfies { [K in SourceKind]: SourceDescriptor & { kind: K } };

/** Every kind, in the order the add form offers them. */
export const SOURCE_KINDS = Object.keys(DESCRIPTORS) as SourceKind[];

export type CrmKind = { [K in SourceKind]: (typeof DESCRIPTORS)[K]["isCrm"] extends true ? K : never }[SourceKind];
export const CRM_SOURCE_KINDS = SOURCE_KINDS.filter((kind) => DESCRIPTORS[kind].isCrm) as CrmKind[];

export function describeKind(kind: SourceKind): SourceDescriptor {
  return DESCRIPTORS[kind];
}

export function isSourceKind(value: string): value is SourceKind {
  return Object.hasOwn(DESCRIPTORS, value);
}

export function isCrmKind(kind: SourceKind): kind is CrmKind {
  return DESCRIPTORS[kind].isCrm;
}

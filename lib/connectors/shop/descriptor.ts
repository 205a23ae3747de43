// A shop posts its orders to Voronka, signed with the source's secret (HMAC-SHA256 of the body).
import type { SourceDescriptor } from "../descriptor";

export const shopDescriptor = {
  kind: "shop",
  isCrm: false,
  connections: [],
  issuesSecret: true,
  secretInUrl: false,
  signsBodies: true,
  needsApplicationToken: false,
  choosesQualifiedStages: false,
  mapsTrafficFields: false,
  hasMatchWindow: false,
  importsOrders: true,
} as const satisfies SourceDescriptor;

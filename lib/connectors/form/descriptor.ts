// A site form (Tilda and the like) posts its submissions to Voronka and signs nothing: its address
// carries the source's secret, as amoCRM's does.
import type { SourceDescriptor } from "../descriptor";

export const formDescriptor = {
  kind: "form",
  isCrm: false,
  connections: [],
  issuesSecret: true,
  secretInUrl: true,
  signsBodies: false,
  needsApplicationToken: false,
  choosesQualifiedStages: false,
  mapsTrafficFields: false,
  hasMatchWindow: true,
  importsOrders: false,
  addedHint: "formHint",
} as const satisfies SourceDescriptor;

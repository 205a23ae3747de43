// The intents and objection classes of an analysis, without zod or node:crypto, so client pages
// (the Conversations dashboard) can import them: zod 4 probes `Function("")` in the browser, which
// the Content Security Policy reports as a violation (e2e/csp.spec.ts).
export const INTENTS = ["purchase", "support", "complaint", "info", "other"] as const;
export const OBJECTION_TYPES = ["price", "timing", "competitor", "trust", "need", "authority", "other"] as const;
export type Intent = (typeof INTENTS)[number];
export type ObjectionType = (typeof OBJECTION_TYPES)[number];

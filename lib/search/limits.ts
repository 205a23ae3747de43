// The search box's longest query, shared with the header's client code without zod (zod 4 probes
// `Function("")` in the browser, a Content Security Policy violation: e2e/csp.spec.ts).
export const SEARCH_MAX_LENGTH = 100;

// The attribution engine's public face: what lib/canonical and the admin pages import.
export { buildMatcher } from "./matcher";
export { findRuleConflicts, type RuleConflict } from "./conflicts";
export { loadAttributionMatcher, loadMatcherInputs } from "./load";
export { assertValidPattern } from "./pattern";
export * from "./types";

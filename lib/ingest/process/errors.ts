// How processing failures are told apart: a permanent one (the body can never be applied) is
// rejected at once; anything else is retried with backoff.
export class PermanentEventError extends Error {}

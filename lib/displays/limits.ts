// Bounds of display tokens and embed links. Client-safe (the admin forms show them): no zod here.

/** A slide must stay long enough to be read from across a room, and change at least every 10 minutes. */
export const MIN_ROTATE_SECONDS = 10;
export const MAX_ROTATE_SECONDS = 600;
/** An embed link lives at most a year: a widget left in a CRM for longer should be renewed on purpose. */
export const MAX_EMBED_DAYS = 365;
/** The cookie a TV screen keeps its display token in after opening /tv?token=… (httpOnly). */
export const DISPLAY_COOKIE = "voronka-display";
export const DISPLAY_TOKEN_PREFIX = "vrd_";

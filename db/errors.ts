// What PostgreSQL (or PGlite) said when a statement failed: its SQLSTATE and message, found on the
// error or, when Drizzle wrapped it ("Failed query: …"), on its cause.
export type DatabaseError = { code: string; message: string };

const SQLSTATE = /^[0-9A-Z]{5}$/;

export function databaseError(error: unknown): DatabaseError | null {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && SQLSTATE.test(code)) return { code, message: typeof message === "string" ? message : "" };
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  return databaseError(error)?.code === "23505";
}

/**
 * SQLSTATE class 22, "data exception": a value the database cannot store or read (a NUL character
 * in a text, a 30 February, a number out of range). Input that passed validation but is still
 * impossible; the statement failed, so nothing was changed.
 */
export function isDataException(error: unknown): boolean {
  return databaseError(error)?.code.startsWith("22") ?? false;
}

// Passwords are hashed with bcrypt, deliberately slow (docs/measurements.md, "Sign-in: bcrypt cost").
import bcrypt from "bcryptjs";

const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the e-mail is unknown, so a missing account takes as long as a wrong password.
export const DUMMY_HASH = "$2b$10$l3hlqiFmdRBkPtCvBEiXeuHrEGQeBrBwjRl7HWYxFtkEX2m4Z57Sa";

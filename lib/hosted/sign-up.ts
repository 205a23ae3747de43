// Hosted mode's public sign-up (docs/hosted.md). With a mailer the organisation and its admin wait
// in sign_ups until the link in the e-mail is followed; with only SIGNUP_INVITE_CODE they are
// created at once. The answer never depends on whether the e-mail has an account anywhere: a new
// organisation has no users, so no e-mail is ever "taken".
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { createOrganisationWithAdmin } from "@/db/bootstrap";
import { signUps } from "@/db/schema";
import type { Db } from "@/db/types";
import { hashPassword } from "@/lib/auth/password";
import { claimAttempt } from "@/lib/auth/sign-in-throttle";
import { env } from "@/lib/env";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { errorMessage } from "@/lib/error-text";
import { mailConfig, sendMail, type MailConfig } from "@/lib/mail/mailer";
import { signUpMail } from "./sign-up-mail";
import type { SignUpInput } from "./sign-up-schema";

/** How long a confirmation link works. */
export const SIGN_UP_LINK_HOURS = 48;

export type SignUpContext = { address: string | null; origin: string; now?: Date; mail?: MailConfig | null };
export type SignUpResult = { status: "verification_sent" } | { status: "created"; orgId: string };

/** A route of hosted mode answers 404 when the mode is off: with one organisation it does not exist. */
export function assertMultiOrg(): void {
  if (!env.MULTI_ORG) throw new AppError(404, "not_found", "Not found: hosted mode (MULTI_ORG) is off");
}

export async function signUp(db: Db, input: SignUpInput, context: SignUpContext): Promise<SignUpResult> {
  const now = context.now ?? new Date();
  // Throttled like sign-in, by the same counters' rules under keys of their own: every sign-up counts.
  const claim = await claimAttempt(db, { account: `sign-up:${context.address ?? "unknown"} ${input.email}`, address: context.address ? `sign-up-address:${context.address}` : null }, now);
  if (!claim.allowed) throw new AppError(429, "too_many_attempts", "Too many sign-ups; try again later", { params: { retryAfterSeconds: claim.retryAfterSeconds } });
  if (env.SIGNUP_INVITE_CODE && !sameSecret(input.inviteCode ?? "", env.SIGNUP_INVITE_CODE)) {
    throw new ForbiddenError("The invitation code is wrong", { code: "invalid_invite_code", field: "inviteCode" });
  }
  const mail = context.mail === undefined ? mailConfig() : context.mail;
  if (!mail) {
    // No mailer: the invitation code alone vouches for the person (env.ts requires one of the two).
    if (!env.SIGNUP_INVITE_CODE) throw new AppError(503, "unavailable", "Sign-up is not configured");
    const { orgId } = await createSignedUpOrganisation(db, { ...input, passwordHash: await hashPassword(input.password) }, now);
    return { status: "created", orgId };
  }
  const token = randomBytes(32).toString("base64url");
  const [pending] = await db
    .insert(signUps)
    .values({
      orgName: input.organisation,
      email: input.email,
      name: input.name,
      passwordHash: await hashPassword(input.password),
      locale: input.locale,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_HOURS * 3600_000),
    })
    .returning({ id: signUps.id });
  const link = `${context.origin}/sign-up/verify?token=${token}`;
  const sent = await sendMail({ to: input.email, ...signUpMail(input.locale, input.organisation, link, SIGN_UP_LINK_HOURS) }, mail);
  if (!sent.ok) {
    console.error("[sign-up] the confirmation e-mail was not sent", sent.description);
    await db.delete(signUps).where(eq(signUps.id, pending.id));
    throw new AppError(503, "mail_unavailable", "The confirmation e-mail could not be sent; try again later");
  }
  return { status: "verification_sent" };
}

/** Follows a confirmation link: the organisation and its admin are created, and the link is spent. */
export async function confirmSignUp(db: Db, token: string, now = new Date()): Promise<{ orgId: string }> {
  await db.delete(signUps).where(lt(signUps.expiresAt, now));
  const [pending] = await db
    .delete(signUps)
    .where(and(eq(signUps.tokenHash, hashToken(token)), gt(signUps.expiresAt, now)))
    .returning();
  if (!pending) throw new ValidationError("The confirmation link is wrong, expired or already used", { code: "invalid_verification_token", field: "token" });
  try {
    return await createSignedUpOrganisation(db, { organisation: pending.orgName, name: pending.name, email: pending.email, locale: pending.locale, passwordHash: pending.passwordHash }, now);
  } catch (error) {
    console.error("[sign-up] creating the organisation failed", errorMessage(error));
    throw error;
  }
}

type NewOrganisation = Pick<SignUpInput, "organisation" | "name" | "email" | "locale"> & { passwordHash: string };

function createSignedUpOrganisation(db: Db, input: NewOrganisation, now: Date): Promise<{ orgId: string; userId: string }> {
  return createOrganisationWithAdmin(db, { name: input.organisation, locale: input.locale, signedUpAt: now }, { email: input.email, name: input.name, passwordHash: input.passwordHash });
}

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Compared as hashes, so neither the length nor the content leaks through timing. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(createHash("sha256").update(given).digest(), createHash("sha256").update(expected).digest());
}

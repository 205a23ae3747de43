// Who is an operator of a hosted Voronka (docs/hosted.md): a person whose e-mail is in
// OPERATOR_EMAILS, signed in to an organisation that was NOT created through the public sign-up.
// The second half matters: anyone can sign up an organisation with any e-mail (with the invitation
// code, unconfirmed), so an e-mail alone must never make an operator. Roles stay as they are: an
// operator is also an admin, director or manager of their own organisation, and nothing more there.
import { eq } from "drizzle-orm";
import { organisations } from "@/db/schema";
import type { Db } from "@/db/types";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { assertMultiOrg } from "./sign-up";

export async function isOperator(db: Db, viewer: Pick<Viewer, "email" | "orgId">): Promise<boolean> {
  if (!env.MULTI_ORG || !env.OPERATOR_EMAILS.includes(viewer.email.toLowerCase())) return false;
  const [org] = await db.select({ signedUpAt: organisations.signedUpAt }).from(organisations).where(eq(organisations.id, viewer.orgId));
  return org !== undefined && org.signedUpAt === null;
}

/** Operator routes exist only in hosted mode (404 otherwise), and only operators may call them. */
export async function assertOperator(db: Db, viewer: Pick<Viewer, "email" | "orgId">): Promise<void> {
  assertMultiOrg();
  if (!(await isOperator(db, viewer))) throw new ForbiddenError("Only the service operator may do this", { code: "operator_only" });
}

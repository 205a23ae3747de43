// An organisation created the way hosted mode creates one (lib/hosted/sign-up.ts, the invitation
// code path), for tests that check signed-up organisations are as isolated as any other.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { env } from "@/lib/env";
import { signUp } from "@/lib/hosted/sign-up";
import { organisations } from "../schema";
import type { Db } from "../types";

export async function signUpOrganisation(db: Db) {
  const saved = { MULTI_ORG: env.MULTI_ORG, SIGNUP_INVITE_CODE: env.SIGNUP_INVITE_CODE };
  Object.assign(env, { MULTI_ORG: true, SIGNUP_INVITE_CODE: "invite-code-of-the-fixture" });
  try {
    const tag = randomUUID().slice(0, 8);
    const input = { organisation: `Signed-up ${tag}`, name: "Founder", email: `founder-${tag}@test.voronka`, password: "long-enough-password", locale: "ru" as const, inviteCode: "invite-code-of-the-fixture" };
    const result = await signUp(db, input, { address: null, origin: "http://localhost", mail: null });
    if (result.status !== "created") throw new Error("the invitation code path creates the organisation at once");
    const [org] = await db.select().from(organisations).where(eq(organisations.id, result.orgId));
    return org;
  } finally {
    Object.assign(env, saved);
  }
}

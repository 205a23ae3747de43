"use server";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { isSameSitePath } from "@/lib/auth/callback-url";

export type SignInState = { error?: "invalid" | "throttled" | "failed"; email?: string };

/** Only paths of this app: the sign-in page must never send a user to another site. */
function safeCallback(value: FormDataEntryValue | null): string {
  return typeof value === "string" && isSameSitePath(value) ? value : "/";
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo: safeCallback(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    // signIn redirects by throwing; only Auth.js's own errors are failures to show.
    if (!(error instanceof AuthError)) throw error;
    if ("code" in error && error.code === "too_many_attempts") return { error: "throttled", email };
    if (error.type === "CredentialsSignin") return { error: "invalid", email };
    console.error("[auth] sign-in failed", error.type);
    return { error: "failed", email };
  }
}

// Auth.js (next-auth v5): e-mail and password sign-in, JWT sessions. The session carries only the
// user id; everything else is read from the database per request (lib/auth/viewer.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { sameOriginRedirect } from "./callback-url";
import { clientAddress } from "./client-address";
import { endSession, newSessionClaims, sessionClaims } from "./sessions";
import { checkCredentials } from "./sign-in";

export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

export const { auth, handlers, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  // With AUTH_URL set there is no Host header to trust: Auth.js builds every link from it.
  trustHost: env.AUTH_TRUST_HOST || env.AUTH_URL !== undefined,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const address = clientAddress(request.headers);
        const result = await checkCredentials(await getDb(), parsed.data.email, parsed.data.password, { address });
        if (result.ok) return { id: result.userId };
        if (result.reason === "throttled") throw new TooManyAttempts();
        return null;
      },
    }),
  ],
  events: {
    // Auth.js's own POST /api/auth/signout ends the session on the server, exactly as the app's
    // sign-out button does (which goes through it): the cookie it clears may have been copied.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (token?.sub) await endSession(await getDb(), token.sub, sessionClaims(token));
    },
  },
  callbacks: {
    // The session's own id and the moment it signed in ride along every renewal of the cookie (its
    // iat does not), so the server can end this session alone at sign-out, and every session that
    // began before a password change (lib/auth/sessions.ts).
    jwt({ token, user }) {
      if (user) Object.assign(token, newSessionClaims());
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return Object.assign(session, sessionClaims(token));
    },
    // Only relative callback URLs, so the sign-in page can never bounce a user to another site.
    redirect({ url, baseUrl }) {
      return sameOriginRedirect(url, baseUrl) ?? baseUrl;
    },
  },
  logger: {
    // A wrong password is not an error worth a stack trace in the server log.
    error(error) {
      if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
      console.error("[auth]", error.name, error.message);
    },
  },
});

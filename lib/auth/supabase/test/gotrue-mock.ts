// For tests: a small Supabase Auth (GoTrue) server, written from its HTTP API as supabase-js calls it
// (/work/shared/reference/integrations-2.md §4.1–4.2): password, refresh and PKCE tokens, magic links
// (/otp, then /verify redirecting with ?code=), /user and /logout, its two error shapes. Refresh
// tokens are single-use; access tokens are HS256 JWTs (no kid, so supabase-js asks /user to verify).
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type MockUser = { id: string; email: string; password: string; confirmed: boolean };
type MockSession = { id: string; userId: string; signedInAt: number; method: string; revoked: boolean };
type MagicLink = { token: string; email: string; redirectTo: string; challenge: string | null; expiresAt: number; used: boolean };
type FlowState = { email: string; challenge: string; method: string; used: boolean };

export type SentMail = { email: string; link: string };

const SECRET = "gotrue-mock-jwt-secret";
const b64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

export type GoTrueMock = Awaited<ReturnType<typeof startGoTrueMock>>;

export async function startGoTrueMock() {
  const users = new Map<string, MockUser>();
  const sessions = new Map<string, MockSession>();
  const refreshTokens = new Map<string, { sessionId: string; used: boolean }>();
  const links = new Map<string, MagicLink>();
  const flows = new Map<string, FlowState>();
  const outbox: SentMail[] = [];
  const requests: { method: string; path: string; headers: IncomingMessage["headers"] }[] = [];
  const settings = { expiresIn: 3600, linkTtlSeconds: 3600, emailsPerHour: 30 };

  const now = () => Math.floor(Date.now() / 1000);

  function accessToken(session: MockSession, user: MockUser, expiresAt: number): string {
    const header = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
    const payload = b64url(
      JSON.stringify({
        iss: `${url}/auth/v1`,
        sub: user.id,
        aud: "authenticated",
        exp: expiresAt,
        iat: now(),
        email: user.email,
        phone: "",
        app_metadata: { provider: "email", providers: ["email"] },
        user_metadata: {},
        role: "authenticated",
        aal: "aal1",
        amr: [{ method: session.method, timestamp: Math.floor(session.signedInAt / 1000) }],
        session_id: session.id,
        is_anonymous: false,
      }),
    );
    const signature = createHmac("sha256", SECRET).update(`${header}.${payload}`).digest("base64url");
    return `${header}.${payload}.${signature}`;
  }

  function userJson(user: MockUser) {
    return {
      id: user.id,
      aud: "authenticated",
      role: "authenticated",
      email: user.email,
      email_confirmed_at: user.confirmed ? new Date(0).toISOString() : null,
      phone: "",
      app_metadata: { provider: "email", providers: ["email"] },
      user_metadata: {},
      identities: [],
      created_at: new Date(0).toISOString(),
      updated_at: new Date(0).toISOString(),
      is_anonymous: false,
    };
  }

  function issue(session: MockSession) {
    const user = [...users.values()].find((candidate) => candidate.id === session.userId)!;
    const refresh = randomBytes(9).toString("base64url");
    refreshTokens.set(refresh, { sessionId: session.id, used: false });
    const expiresAt = now() + settings.expiresIn;
    return {
      access_token: accessToken(session, user, expiresAt),
      token_type: "bearer",
      expires_in: settings.expiresIn,
      expires_at: expiresAt,
      refresh_token: refresh,
      user: userJson(user),
    };
  }

  function newSession(user: MockUser, method: string) {
    const session: MockSession = { id: randomUUID(), userId: user.id, signedInAt: Date.now(), method, revoked: false };
    sessions.set(session.id, session);
    return issue(session);
  }

  /** The session and user of a bearer access token: signature, expiry, and the session still alive. */
  function bearer(request: IncomingMessage): { session: MockSession; user: MockUser } | { error: string; status: number } {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1] ?? "";
    const [header, payload, signature] = token.split(".");
    if (!payload || createHmac("sha256", SECRET).update(`${header}.${payload}`).digest("base64url") !== signature) return { error: "bad_jwt", status: 403 };
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { exp: number; session_id: string };
    if (claims.exp <= now()) return { error: "bad_jwt", status: 403 };
    const session = sessions.get(claims.session_id);
    if (!session || session.revoked) return { error: "session_not_found", status: 403 };
    return { session, user: [...users.values()].find((candidate) => candidate.id === session.userId)! };
  }

  function send(response: ServerResponse, status: number, body?: unknown) {
    response.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  }

  /** GoTrue's error: `{code, message}` with x-sb-error-code when the client sent the API version, else the older shape. */
  function fail(request: IncomingMessage, response: ServerResponse, status: number, errorCode: string, message: string) {
    const versioned = request.headers["x-supabase-api-version"] !== undefined;
    response.setHeader("x-sb-error-code", errorCode);
    if (versioned) response.setHeader("x-supabase-api-version", "2024-01-01");
    send(response, status, versioned ? { code: errorCode, message } : { code: status, error_code: errorCode, msg: message });
  }

  async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString();
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  const server = createServer(async (request, response) => {
    const address = new URL(request.url ?? "/", url);
    const path = address.pathname.replace(/^\/auth\/v1/, "");
    requests.push({ method: request.method ?? "", path, headers: request.headers });
    const body = request.method === "POST" ? await readBody(request) : {};
    const grant = address.searchParams.get("grant_type");

    if (request.method === "POST" && path === "/token" && grant === "password") {
      const user = users.get(String(body.email ?? "").toLowerCase());
      if (!user || user.password !== body.password) return fail(request, response, 400, "invalid_credentials", "Invalid login credentials");
      if (!user.confirmed) return fail(request, response, 400, "email_not_confirmed", "Email not confirmed");
      return send(response, 200, newSession(user, "password"));
    }
    if (request.method === "POST" && path === "/token" && grant === "refresh_token") {
      const entry = refreshTokens.get(String(body.refresh_token ?? ""));
      if (!entry) return fail(request, response, 400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
      if (entry.used) return fail(request, response, 400, "refresh_token_already_used", "Invalid Refresh Token: Already Used");
      entry.used = true;
      const session = sessions.get(entry.sessionId);
      if (!session || session.revoked) return fail(request, response, 400, "session_not_found", "Session not found");
      return send(response, 200, issue(session));
    }
    if (request.method === "POST" && path === "/token" && grant === "pkce") {
      const flow = flows.get(String(body.auth_code ?? ""));
      if (!flow || flow.used) return fail(request, response, 404, "flow_state_not_found", "invalid flow state, no valid flow state found");
      const verifier = String(body.code_verifier ?? "");
      const computed = flow.method === "s256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
      if (computed !== flow.challenge) return fail(request, response, 400, "bad_code_verifier", "code challenge does not match previously saved code verifier");
      flow.used = true;
      return send(response, 200, newSession(users.get(flow.email)!, "otp"));
    }
    if (request.method === "POST" && path === "/otp") {
      const email = String(body.email ?? "").toLowerCase();
      if (!users.has(email) && body.create_user === false) return fail(request, response, 422, "otp_disabled", "Signups not allowed for otp");
      const sentThisHour = outbox.filter((mail) => mail.email === email).length;
      if (sentThisHour >= settings.emailsPerHour) return fail(request, response, 429, "over_email_send_rate_limit", "email rate limit exceeded");
      if (!users.has(email)) addUser(email, randomUUID());
      const token = randomBytes(16).toString("hex");
      const redirectTo = address.searchParams.get("redirect_to") ?? url;
      const challenge = typeof body.code_challenge === "string" ? body.code_challenge : null;
      links.set(token, { token, email, redirectTo, challenge, expiresAt: now() + settings.linkTtlSeconds, used: false });
      if (challenge) flows.set(`pending:${token}`, { email, challenge, method: String(body.code_challenge_method ?? "s256").toLowerCase(), used: false });
      outbox.push({ email, link: `${url}/auth/v1/verify?token=${token}&type=magiclink&redirect_to=${encodeURIComponent(redirectTo)}` });
      return send(response, 200, {});
    }
    if (request.method === "GET" && path === "/verify") {
      const link = links.get(address.searchParams.get("token") ?? "");
      const target = new URL(address.searchParams.get("redirect_to") ?? link?.redirectTo ?? url);
      if (!link || link.used || link.expiresAt <= now()) {
        target.searchParams.set("error", "access_denied");
        target.searchParams.set("error_code", "otp_expired");
        target.searchParams.set("error_description", "Email link is invalid or has expired");
        response.writeHead(303, { location: target.toString() });
        return response.end();
      }
      link.used = true;
      const pending = flows.get(`pending:${link.token}`);
      flows.delete(`pending:${link.token}`);
      if (!pending) {
        // The implicit flow: tokens in the fragment, which never reach a server.
        const session = newSession(users.get(link.email)!, "otp");
        target.hash = new URLSearchParams({ access_token: session.access_token, refresh_token: session.refresh_token }).toString();
      } else {
        const code = randomUUID();
        flows.set(code, pending);
        target.searchParams.set("code", code);
      }
      response.writeHead(303, { location: target.toString() });
      return response.end();
    }
    if (request.method === "GET" && path === "/user") {
      const found = bearer(request);
      if ("error" in found) return fail(request, response, found.status, found.error, found.error === "bad_jwt" ? "invalid JWT: token is expired or invalid" : "Session from session_id claim in JWT does not exist");
      return send(response, 200, userJson(found.user));
    }
    if (request.method === "POST" && path === "/logout") {
      const found = bearer(request);
      if ("error" in found) return fail(request, response, found.status, found.error, "invalid session");
      const scope = address.searchParams.get("scope") ?? "global";
      for (const session of sessions.values()) {
        if (session.userId !== found.user.id) continue;
        const isThis = session.id === found.session.id;
        if (scope === "global" || (scope === "local" && isThis) || (scope === "others" && !isThis)) session.revoked = true;
      }
      return send(response, 204);
    }
    fail(request, response, 404, "not_found", `no route ${request.method} ${path}`);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function addUser(emailInput: string, password: string, options: { confirmed?: boolean } = {}): MockUser {
    const email = emailInput.toLowerCase();
    const user: MockUser = { id: randomUUID(), email, password, confirmed: options.confirmed ?? true };
    users.set(email, user);
    return user;
  }

  return {
    url,
    settings,
    outbox,
    requests,
    addUser,
    /** The link of the last e-mail sent to an address. */
    lastLink(email: string): string | undefined {
      return outbox.filter((mail) => mail.email === email.toLowerCase()).at(-1)?.link;
    },
    /** Whether a session is still alive (not signed out). */
    isSessionAlive(sessionId: string): boolean {
      return sessions.get(sessionId)?.revoked === false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

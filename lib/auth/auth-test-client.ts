// For tests: Auth.js's own route handlers (/api/auth/*) called as a browser calls them, a CSRF
// token first and then a form post, with the cookies each answer sets.
import { NextRequest } from "next/server";
import { handlers } from "./auth";

const ORIGIN = "http://localhost:3000";
export const SESSION_COOKIE = "authjs.session-token";
const CSRF_COOKIE = "authjs.csrf-token";

export type AuthAnswer = { status: number; location: string | null; cookies: Record<string, string> };

function cookiesSet(response: Response): Record<string, string> {
  const pairs = response.headers.getSetCookie().map((line) => line.split(";")[0].split("=") as [string, string]);
  return Object.fromEntries(pairs.map(([name, ...value]) => [name, value.join("=")]));
}

/** POSTs a form to /api/auth/<path> with a fresh CSRF token, the given cookies and headers. */
export async function postAuthForm(
  path: string,
  form: Record<string, string>,
  options: { cookies?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<AuthAnswer> {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = { ...options.cookies, [CSRF_COOKIE]: cookiesSet(csrf)[CSRF_COOKIE] };
  const response = await handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: Object.entries(cookies)
          .map(([name, value]) => `${name}=${value}`)
          .join("; "),
        ...options.headers,
      },
      body: new URLSearchParams({ ...form, csrfToken }),
    }),
  );
  return { status: response.status, location: response.headers.get("location"), cookies: cookiesSet(response) };
}

/** Signs in through Auth.js's credentials callback from a client address; the session cookie, or null. */
export async function signInThroughAuthJs(email: string, password: string, address: string): Promise<{ session: string | null; answer: AuthAnswer }> {
  const answer = await postAuthForm("callback/credentials", { email, password, callbackUrl: "/" }, { headers: { "x-forwarded-for": address } });
  return { session: answer.cookies[SESSION_COOKIE] || null, answer };
}

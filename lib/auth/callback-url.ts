// Where signing in may send a person afterwards: a path of this app or an address of its own
// origin, never another site (an open redirect would lend our sign-in page to phishing).

/** A path of this app: `//host` and `/\\host` are other sites to a browser, not paths. */
export function isSameSitePath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\");
}

/** `url` when it stays on `baseUrl`'s origin (a path becomes absolute); null for anything else. */
export function sameOriginRedirect(url: string, baseUrl: string): string | null {
  if (url.startsWith("/")) return isSameSitePath(url) ? `${baseUrl}${url}` : null;
  try {
    return new URL(url).origin === new URL(baseUrl).origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether Auth.js takes `url` as a callback URL at all: a path, or an absolute http(s) URL. It
 * answers anything else with a 500 ("server configuration"), so the endpoint refuses it first.
 */
export function isAcceptableCallbackUrl(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

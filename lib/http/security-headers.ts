// The security headers of every answer (README, "Security"). Static ones are set by next.config.ts
// for everything Next serves and by the direct webhook listener for what it answers; the Content
// Security Policy carries a fresh nonce per page, so proxy.ts sets it. No `@/` imports here:
// next.config.ts loads this file outside the app's bundler.

/**
 * No other site may frame Voronka (clickjacking); frame-ancestors says the same to newer browsers.
 * Every answer but an embedded dashboard's (/embed/…), whose policy names the CRMs that may frame it.
 */
export const FRAME_HEADERS: Record<string, string> = { "X-Frame-Options": "DENY" };

/** Every answer: pages, API, static files. */
export const COMMON_HEADERS: Record<string, string> = {
  // Browsers take a file for what its Content-Type says, never for what it looks like.
  "X-Content-Type-Options": "nosniff",
  // Other sites learn only our origin, never the path and filters of a dashboard.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // Voronka needs none of these; a script that got in cannot ask for them either.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=()",
};

/** Every /api answer in addition: reports and exports hold business data no cache may keep. */
export const API_HEADERS: Record<string, string> = { ...COMMON_HEADERS, ...FRAME_HEADERS, "Cache-Control": "no-store" };

/** A year, subdomains included; sent only over HTTPS (a browser ignores it over http anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * The Content Security Policy of a page. Scripts run only with this response's nonce (Next puts
 * it on its own scripts) or when loaded by such a script ('strict-dynamic'); style elements
 * likewise. Style attributes stay allowed: React renders `style={…}` into the HTML and Recharts
 * sizes and colours its SVG with them, and an attribute can neither run script nor select other
 * elements to read them out. Development needs eval for React's error overlay, never production.
 */
export function contentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean; frameAncestors?: string[] }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    // Next's development server injects its styles without a nonce.
    `style-src 'self' ${options.isDev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    // Only an embedded dashboard (/embed/…) names who may frame it: its organisation's CRM origins.
    `frame-ancestors ${options.frameAncestors?.length ? options.frameAncestors.join(" ") : "'none'"}`,
    // Only over HTTPS: on a plain-http intranet install it would send every asset to a port nobody serves.
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

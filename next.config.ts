import type { NextConfig } from "next";
import { API_HEADERS, COMMON_HEADERS, FRAME_HEADERS } from "./lib/http/security-headers";

const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // The container image runs .next/standalone (only the files the server needs; Dockerfile,
  // docs/deploy.md); `npm start` runs from the repository as before.
  output: "standalone",
  // PGlite ships WASM and a data bundle that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "exceljs"],
  // The PDF exports' font lives in the repository (lib/export/pdf/fonts) and is read at run time.
  outputFileTracingIncludes: { "/**": ["./drizzle/**", "./lib/export/pdf/fonts/**"] },
  poweredByHeader: false,
  // The dev badge would sit on top of the sidebar's language switch.
  devIndicators: { position: "bottom-right" },
  // The static security headers (README, "Security"); each page's Content Security Policy carries a nonce, so proxy.ts sets it.
  async headers() {
    return [
      { source: "/:path*", headers: asList(COMMON_HEADERS) },
      // An embedded dashboard may be framed by its organisation's CRMs (its CSP frame-ancestors, set by proxy.ts).
      { source: "/:path((?!embed/).*)", headers: asList(FRAME_HEADERS) },
      { source: "/api/:path*", headers: asList(API_HEADERS) },
    ];
  },
};

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and a data bundle that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "exceljs"],
  // The PDF exports' font lives in the repository (lib/export/pdf/fonts) and is read at run time.
  outputFileTracingIncludes: { "/**": ["./drizzle/**", "./lib/export/pdf/fonts/**"] },
  poweredByHeader: false,
  // The dev badge would sit on top of the sidebar's language switch.
  devIndicators: { position: "bottom-right" },
};

export default nextConfig;

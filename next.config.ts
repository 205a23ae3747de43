import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and a data bundle that must be loaded from node_modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pdfkit", "exceljs"],
  outputFileTracingIncludes: { "/**": ["./drizzle/**", "./node_modules/dejavu-fonts-ttf/ttf/DejaVuSans*.ttf"] },
  poweredByHeader: false,
  // The dev badge would sit on top of the sidebar's language switch.
  devIndicators: { position: "bottom-right" },
};

export default nextConfig;

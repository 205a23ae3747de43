import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit and integration tests: PGlite in memory by default, PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    environment: "node",
    include: ["{lib,db,app,components,scripts,bench}/**/*.test.{ts,tsx}"],
    globalSetup: ["./db/test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The watchdog names a test file that shows no sign of life for 5 minutes and stops the run
    // with exit 75 instead of letting it hang until CI's limit (db/test/stall-watchdog.ts).
    reporters: ["default", "./db/test/stall-watchdog.ts"],
    // The mock CRMs listen on 127.0.0.1 over plain http, which the outbound guard refuses unless
    // this is set; the guard's own tests turn it off where they check the refusal.
    env: { ALLOW_PRIVATE_CRM_URLS: "true" },
    // next-auth imports "next/server" without an extension, which only a bundler resolves: let
    // vite process it, so tests can call Auth.js's own route handlers (lib/auth/auth.test.ts).
    server: { deps: { inline: ["next-auth"] } },
  },
});

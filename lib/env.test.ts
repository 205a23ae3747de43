import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("uses the embedded database and demo data when DATABASE_URL is unset", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.SEED_DEMO).toBe(true);
  });

  it("does not seed demo data into a real PostgreSQL unless asked", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/voronka" }).SEED_DEMO).toBe(false);
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/voronka", SEED_DEMO: "true" }).SEED_DEMO).toBe(true);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/x" })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => parseEnv({ ORG_TIMEZONE: "Mars/Olympus" })).toThrow(/ORG_TIMEZONE: must be an IANA time zone/);
    expect(() => parseEnv({ ORG_CURRENCY: "tenge" })).toThrow(/ORG_CURRENCY/);
    expect(() => parseEnv({ ADMIN_EMAIL: "boss@example.com" })).toThrow(/ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD go together/);
  });

  it("requires AUTH_SECRET in production but not while building", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), AUTH_URL: "https://voronka.example.com" }).AUTH_SECRET).toBe("x".repeat(32));
  });

  it("trusts the Host header in development, and in production only when AUTH_TRUST_HOST says so", () => {
    const secret = { AUTH_SECRET: "x".repeat(32) };
    expect(parseEnv({ NODE_ENV: "development" }).AUTH_TRUST_HOST).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", AUTH_TRUST_HOST: "false" }).AUTH_TRUST_HOST).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", ...secret, AUTH_URL: "https://voronka.example.com" }).AUTH_TRUST_HOST).toBe(false);
    expect(parseEnv({ NODE_ENV: "production", ...secret, AUTH_TRUST_HOST: "true" }).AUTH_TRUST_HOST).toBe(true);
    // Neither: every sign-in would fail with Auth.js's "UntrustedHost", so the app does not start.
    expect(() => parseEnv({ NODE_ENV: "production", ...secret })).toThrow(/AUTH_URL: is required in production/);
    expect(() => parseEnv({ NODE_ENV: "production", ...secret, AUTH_TRUST_HOST: "false" })).toThrow(/AUTH_URL: is required in production/);
    expect(() => parseEnv({ AUTH_URL: "voronka.example.com" })).toThrow(/AUTH_URL: must be the app's public http\(s\) URL/);
  });

  it("reads how many proxies of ours append to X-Forwarded-For", () => {
    expect(parseEnv({}).TRUSTED_PROXY_COUNT).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_COUNT: "1" }).TRUSTED_PROXY_COUNT).toBe(1);
    expect(() => parseEnv({ TRUSTED_PROXY_COUNT: "-1" })).toThrow(/TRUSTED_PROXY_COUNT/);
  });
});

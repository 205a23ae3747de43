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

  it("runs as one process by default, and splits into web and worker only on a shared PostgreSQL", () => {
    expect(parseEnv({}).VORONKA_ROLE).toBe("all");
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/voronka", VORONKA_ROLE: "worker" }).VORONKA_ROLE).toBe("worker");
    expect(() => parseEnv({ VORONKA_ROLE: "web" })).toThrow(/VORONKA_ROLE: web and worker need a shared PostgreSQL/);
    expect(() => parseEnv({ DATABASE_URL: "postgres://localhost/voronka", VORONKA_ROLE: "cron" })).toThrow(/VORONKA_ROLE: must be web, worker or all/);
  });

  it("asks for the direct URL when DATABASE_URL is a transaction pooler", () => {
    const pooler = "postgres://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres";
    expect(() => parseEnv({ DATABASE_URL: pooler })).toThrow(/DATABASE_DIRECT_URL: is required when DATABASE_URL is a transaction pooler \(port 6543\)/);
    const direct = "postgres://postgres.abc:pw@aws-0-eu-central-1.pooler.supabase.com:5432/postgres";
    expect(parseEnv({ DATABASE_URL: pooler, DATABASE_DIRECT_URL: direct }).DATABASE_DIRECT_URL).toBe(direct);
    expect(parseEnv({ DATABASE_URL: direct }).DATABASE_DIRECT_URL).toBeUndefined();
  });

  it("signs in with Auth.js by default, and with Supabase Auth only given the project's URL and key together", () => {
    expect(parseEnv({}).AUTH_PROVIDER).toBe("nextauth");
    const key = "eyJhbGciOiJIUzI1NiJ9.anon-key-of-the-project";
    expect(() => parseEnv({ AUTH_PROVIDER: "supabase" })).toThrow(/SUPABASE_URL: is required when AUTH_PROVIDER=supabase[\s\S]*SUPABASE_ANON_KEY: is required/);
    expect(() => parseEnv({ AUTH_PROVIDER: "supabase", SUPABASE_URL: "https://abcdefghijklmnopqrst.supabase.co" })).toThrow(/SUPABASE_ANON_KEY: is required when AUTH_PROVIDER=supabase/);
    expect(() => parseEnv({ AUTH_PROVIDER: "supabase", SUPABASE_URL: "abcdefghijklmnopqrst.supabase.co", SUPABASE_ANON_KEY: key })).toThrow(/SUPABASE_URL: must be the Supabase project's URL/);
    expect(() => parseEnv({ AUTH_PROVIDER: "firebase" })).toThrow(/AUTH_PROVIDER: must be nextauth or supabase/);
    const supabase = parseEnv({ AUTH_PROVIDER: "supabase", SUPABASE_URL: "https://abcdefghijklmnopqrst.supabase.co/", SUPABASE_ANON_KEY: key });
    expect([supabase.AUTH_PROVIDER, supabase.SUPABASE_URL]).toEqual(["supabase", "https://abcdefghijklmnopqrst.supabase.co"]);
  });

  it("reads SMTP_URL and MAIL_FROM together, and never repeats the SMTP password in its complaint", () => {
    const env = parseEnv({ SMTP_URL: "smtps://reports:s3cret-pass@smtp.example.com:465", MAIL_FROM: "Voronka <reports@example.com>" });
    expect(env.SMTP_URL).toBe("smtps://reports:s3cret-pass@smtp.example.com:465");
    expect(() => parseEnv({ SMTP_URL: "smtp://smtp.example.com:587" })).toThrow(/MAIL_FROM: SMTP_URL and MAIL_FROM go together/);
    expect(() => parseEnv({ MAIL_FROM: "reports@example.com" })).toThrow(/SMTP_URL: SMTP_URL and MAIL_FROM go together/);
    expect(() => parseEnv({ SMTP_URL: "http://u:s3cret-pass@smtp.example.com", MAIL_FROM: "reports@example.com" })).toThrow(/SMTP_URL: must be an smtp:\/\//);
    expect(() => parseEnv({ SMTP_URL: "http://u:s3cret-pass@smtp.example.com", MAIL_FROM: "reports@example.com" })).not.toThrow(/s3cret-pass/);
    expect(() => parseEnv({ SMTP_URL: "smtp://smtp.example.com", MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM: must be an e-mail address/);
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

  it("keeps hosted mode off by default, and on needs a mailer or an invitation code", () => {
    expect(parseEnv({}).MULTI_ORG).toBe(false);
    expect(() => parseEnv({ MULTI_ORG: "true" })).toThrow(/MULTI_ORG: needs SMTP_URL and MAIL_FROM .* or SIGNUP_INVITE_CODE/);
    const hosted = parseEnv({ MULTI_ORG: "true", SIGNUP_INVITE_CODE: "a-long-invitation-code", OPERATOR_EMAILS: " Op@Example.com , ops@example.com" });
    expect([hosted.MULTI_ORG, hosted.OPERATOR_EMAILS, hosted.QUOTA_DEALS]).toEqual([true, ["op@example.com", "ops@example.com"], 500000]);
    expect(() => parseEnv({ MULTI_ORG: "true", SIGNUP_INVITE_CODE: "short" })).toThrow(/SIGNUP_INVITE_CODE: must be at least 12 characters/);
    expect(() => parseEnv({ OPERATOR_EMAILS: "not-an-address" })).toThrow(/OPERATOR_EMAILS/);
  });
});

// Every environment variable Voronka reads, validated once. Import `env`, never `process.env`.
import { z } from "zod";

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** 32 bytes as base64 (44 characters with padding) or as 64 hex characters. */
export function isEncryptionKey(value: string): boolean {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return true;
  return /^[A-Za-z0-9+/_-]{42,44}={0,2}$/.test(value) && Buffer.from(value, "base64").length === 32;
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const DEV_AUTH_SECRET = "voronka-development-secret-not-for-production";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    SEED_DEMO: bool.optional(),
    AUTH_SECRET: z.string().min(16, "must be at least 16 characters (try: openssl rand -base64 32)").optional(),
    // The public URL. Auth.js then builds its links from it and reads no Host header at all; its
    // host also counts as this app's own origin (lib/http/same-origin.ts).
    AUTH_URL: z.url({ protocol: /^https?$/, message: "must be the app's public http(s) URL such as https://voronka.example.com" }).optional(),
    // Where CRMs and shops reach this app: the webhook addresses shown to paste into them are built
    // on it (then on AUTH_URL), never on the host a page happened to be opened at.
    APP_URL: z.url({ protocol: /^https?$/, message: "must be the public http(s) URL CRMs post webhooks to, such as https://voronka.example.com" }).optional(),
    // Without AUTH_URL, Auth.js builds its links from the request's Host / X-Forwarded-Host headers:
    // only when told to in production, where a forged header could point them elsewhere.
    AUTH_TRUST_HOST: bool.optional(),
    // How many reverse proxies of your own stand in front of the app, each appending to
    // X-Forwarded-For: the sign-in throttle's client address is the entry that many from the right.
    TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    ORG_NAME: z.string().min(1).default("My company"),
    ORG_TIMEZONE: z.string().refine(isTimeZone, "must be an IANA time zone such as Asia/Almaty").optional(),
    ORG_CURRENCY: z
      .string()
      .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as KZT")
      .optional(),
    ORG_COUNTRY: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166 code such as KZ")
      .optional(),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    // The operator's Prometheus scraper: with it /api/metrics shows this process's counters for
    // every organisation; without it, only admins read it, each their own organisation's.
    METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
    // 32 random bytes, base64 or hex: encrypts CRM credentials at rest (AES-256-GCM).
    ENCRYPTION_KEY: z
      .string()
      .refine(isEncryptionKey, "must be 32 random bytes as base64 or 64 hex characters (try: openssl rand -base64 32)")
      .optional(),
    // The in-process scheduler's incremental sync of every source; 0 (the default) leaves it to cron.
    SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(0),
    // CRM addresses that resolve to loopback, private, link-local or unique-local addresses, and
    // plain http, are refused unless this is set: a CRM on a private network, tests with local mocks.
    ALLOW_PRIVATE_CRM_URLS: bool.default(false),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Where the Telegram Bot API lives: an environment setting, never an admin one (a URL an admin
    // could type would let the server post to any address). Tests point it at a local mock.
    TELEGRAM_API_BASE_URL: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.telegram.org" })
      .default("https://api.telegram.org")
      .transform((url) => url.replace(/\/+$/, "")),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: [v.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
    }
    const building = v.NEXT_PHASE === "phase-production-build";
    if (v.NODE_ENV === "production" && !v.AUTH_SECRET && !building) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required in production (try: openssl rand -base64 32)" });
    }
    if (v.NODE_ENV === "production" && !v.AUTH_URL && !v.AUTH_TRUST_HOST && !building) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_URL"],
        message: "is required in production: the public URL such as https://voronka.example.com (or AUTH_TRUST_HOST=true behind a proxy that sets the Host header)",
      });
    }
  })
  .transform((v) => ({
    ...v,
    AUTH_SECRET: v.AUTH_SECRET ?? DEV_AUTH_SECRET,
    // In development the app answers on localhost: Auth.js's own default.
    AUTH_TRUST_HOST: v.AUTH_TRUST_HOST ?? v.NODE_ENV !== "production",
    // Demo data by default only on the embedded database: a real PostgreSQL starts empty.
    SEED_DEMO: v.SEED_DEMO ?? !v.DATABASE_URL,
  }));

export type Env = z.infer<typeof envSchema>;

/** Parses a set of variables; throws one message that names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`);
  throw new Error(`Invalid environment configuration:\n${problems.join("\n")}`);
}

export const env: Env = parseEnv(process.env);

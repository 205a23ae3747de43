// Every environment variable Voronka reads, validated once. Import `env`, never `process.env`.
import { z } from "zod";
import { isTransactionPooler } from "@/db/postgres-options";

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

/** How .env.example marks the values a person must replace; refused, so no deployment runs on a published secret. */
const PLACEHOLDER = "replace-with";
const DEV_AUTH_SECRET = "voronka-development-secret-not-for-production";

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    // The database's direct address when DATABASE_URL is a transaction pooler (Supabase's port
    // 6543): migrations hold a session lock and workers LISTEN, neither of which a pooler carries.
    DATABASE_DIRECT_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    // A read replica for reports (db/report-db.ts); passed over while it lags more than the bound.
    DATABASE_REPLICA_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    REPORT_REPLICA_MAX_LAG_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
    SEED_DEMO: bool.optional(),
    AUTH_SECRET: z
      .string()
      .min(16, "must be at least 16 characters (try: openssl rand -base64 32)")
      .refine((value) => !value.startsWith(PLACEHOLDER), "is still the placeholder of .env.example (try: openssl rand -base64 32)")
      .optional(),
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
    // Who checks a person's e-mail and password (docs/deploy.md, "Supabase Auth"): Auth.js against
    // Voronka's own passwords (the default), or a Supabase project's Auth, mapped to Voronka users by e-mail.
    AUTH_PROVIDER: z.enum(["nextauth", "supabase"], { message: "must be nextauth or supabase" }).default("nextauth"),
    SUPABASE_URL: z
      .url({ protocol: /^https?$/, message: "must be the Supabase project's URL such as https://abcdefghijklmnopqrst.supabase.co" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
    // The project's anon (or publishable) key: public by design, it only names the project.
    SUPABASE_ANON_KEY: z.string().min(20, "must be the project's anon or publishable key (Project Settings → API keys)").optional(),
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
    CRON_SECRET: z
      .string()
      .min(16, "must be at least 16 characters")
      .refine((value) => !value.startsWith(PLACEHOLDER), "is still the placeholder of .env.example")
      .optional(),
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
    // What this process does (docs/deploy.md): `web` answers HTTP and acknowledges webhooks,
    // `worker` drains the inbox, runs syncs, schedules and notifications, `all` (the default) both.
    VORONKA_ROLE: z.enum(["web", "worker", "all"], { message: "must be web, worker or all" }).default("all"),
    // CRM addresses that resolve to loopback, private, link-local or unique-local addresses, and
    // plain http, are refused unless this is set: a CRM on a private network, tests with local mocks.
    ALLOW_PRIVATE_CRM_URLS: bool.default(false),
    // Hosted mode (docs/hosted.md): a public sign-up creates organisations; operators list,
    // suspend and delete them. Off by default: one organisation, created from ADMIN_EMAIL.
    MULTI_ORG: bool.default(false),
    // Sign-up without a mailer: whoever knows this code may create an organisation at once (with
    // SMTP_URL set it is asked for too, beside the e-mail confirmation).
    SIGNUP_INVITE_CODE: z.string().min(12, "must be at least 12 characters").optional(),
    // The operators: these e-mails, signed in to an organisation that was not created through the
    // public sign-up (the one of ADMIN_EMAIL, or any created by the operator's own scripts).
    OPERATOR_EMAILS: z
      .string()
      .transform((list) => list.split(",").map((email) => email.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.email({ message: "must be a comma-separated list of e-mail addresses" })))
      .default([]),
    // Per-organisation quotas in hosted mode; an operator can raise or lower them per organisation.
    QUOTA_SOURCES: z.coerce.number().int().min(0).default(10),
    QUOTA_USERS: z.coerce.number().int().min(0).default(50),
    QUOTA_DEALS: z.coerce.number().int().min(0).default(500_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    // Where the Telegram Bot API lives: an environment setting, never an admin one (a URL an admin
    // could type would let the server post to any address). Tests point it at a local mock.
    TELEGRAM_API_BASE_URL: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://api.telegram.org" })
      .default("https://api.telegram.org")
      .transform((url) => url.replace(/\/+$/, "")),
    // Scheduled reports and anomaly alerts go out by e-mail through this SMTP server (docs/schedules.md):
    // smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465. It holds a password:
    // never logged, never shown (errors name only the variable).
    SMTP_URL: z
      .string()
      .refine((value) => /^smtps?:\/\/[^/\s]+/.test(value) && URL.canParse(value), "must be an smtp:// or smtps:// URL such as smtps://user:password@smtp.example.com:465")
      .optional(),
    // The sender of those messages: an address, or "Name <address>".
    MAIL_FROM: z
      .string()
      .regex(/^(?:[^<>]*<\s*[^\s@<>]+@[^\s@<>]+\s*>|[^\s@<>]+@[^\s@<>]+)$/, "must be an e-mail address such as reports@example.com or Voronka <reports@example.com>")
      .optional(),
    // Conversation analysis (docs/ai.md): an OpenAI-compatible endpoint and model — OpenAI, a local
    // Ollama or vLLM, any gateway. Without them the built-in basic analyser runs and no text leaves.
    AI_BASE_URL: z
      .url({ protocol: /^https?$/, message: "must be the http(s) URL of an OpenAI-compatible API such as https://api.openai.com/v1" })
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
    AI_API_KEY: z.string().min(1).optional(),
    AI_MODEL: z.string().min(1).optional(),
    // Recordings are transcribed through {AI_BASE_URL}/audio/transcriptions with this model.
    AI_TRANSCRIBE_MODEL: z.string().min(1).optional(),
    // Phones, e-mails and card numbers are replaced before a text leaves the server.
    AI_REDACT_PII: bool.default(true),
    // Longer texts are cut to this many characters (with a note) before they are analysed.
    AI_MAX_CHARS: z.coerce.number().int().min(200).max(200_000).default(8000),
    AI_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
    // US dollars per million tokens: the request log's cost estimate.
    AI_PRICE_INPUT_PER_MTOK: z.coerce.number().min(0).max(10_000).default(0),
    AI_PRICE_OUTPUT_PER_MTOK: z.coerce.number().min(0).max(10_000).default(0),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.ADMIN_EMAIL) !== Boolean(v.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: [v.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
    }
    if (Boolean(v.AI_BASE_URL) !== Boolean(v.AI_MODEL)) {
      ctx.addIssue({ code: "custom", path: [v.AI_BASE_URL ? "AI_MODEL" : "AI_BASE_URL"], message: "AI_BASE_URL and AI_MODEL go together" });
    }
    if (Boolean(v.SMTP_URL) !== Boolean(v.MAIL_FROM)) {
      ctx.addIssue({ code: "custom", path: [v.SMTP_URL ? "MAIL_FROM" : "SMTP_URL"], message: "SMTP_URL and MAIL_FROM go together" });
    }
    if (v.MULTI_ORG && !v.SMTP_URL && !v.SIGNUP_INVITE_CODE) {
      ctx.addIssue({ code: "custom", path: ["MULTI_ORG"], message: "needs SMTP_URL and MAIL_FROM (to confirm sign-ups by e-mail) or SIGNUP_INVITE_CODE" });
    }
    if (v.AI_TRANSCRIBE_MODEL && !v.AI_BASE_URL) {
      ctx.addIssue({ code: "custom", path: ["AI_BASE_URL"], message: "is required with AI_TRANSCRIBE_MODEL" });
    }
    const building = v.NEXT_PHASE === "phase-production-build";
    if (v.DATABASE_URL && isTransactionPooler(v.DATABASE_URL) && !v.DATABASE_DIRECT_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_DIRECT_URL"], message: "is required when DATABASE_URL is a transaction pooler (port 6543): the direct or session-pooler URL, for migrations" });
    }
    if (v.AUTH_PROVIDER === "supabase") {
      for (const name of ["SUPABASE_URL", "SUPABASE_ANON_KEY"] as const) {
        if (!v[name]) ctx.addIssue({ code: "custom", path: [name], message: "is required when AUTH_PROVIDER=supabase (Supabase dashboard → Project Settings → API)" });
      }
    }
    if (v.VORONKA_ROLE !== "all" && !v.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["VORONKA_ROLE"], message: "web and worker need a shared PostgreSQL (DATABASE_URL): the embedded database belongs to one process" });
    }
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

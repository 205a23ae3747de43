// End-to-end tests: a real production build served by `npm start` (scripts/serve.mjs) on a fresh embedded database
// (filled with the demo organisation), driven in Debian's Chromium.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = process.env.E2E_DATA_DIR ?? ".data/e2e";

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "ru-RU",
    timezoneId: "Asia/Almaty",
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "retain-on-failure",
  },
  webServer: {
    // A new data folder every run: the server migrates it and seeds the demo organisation.
    // Long keep-alive: Node's 5 s default closes sockets the test's request client still reuses
    // (ECONNRESET on the next API call).
    command: `rm -rf ${dataDir} ${dataDir}.lock && node scripts/serve.mjs -H 127.0.0.1 -p ${port} --keepAliveTimeout 120000`,
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PGLITE_DATA_DIR: dataDir,
      DATABASE_URL: "",
      SEED_DEMO: "true",
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-that-is-only-for-tests",
      AUTH_URL: baseURL,
      // A throwaway key so the sources spec can store a CRM credential; never a real deployment's.
      ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? Buffer.alloc(32, 8).toString("base64"),
      // The mock CRMs of the sources spec listen on 127.0.0.1 over plain http: the outbound guard
      // refuses such addresses unless this is set (lib/connectors/http/outbound-guard.ts).
      ALLOW_PRIVATE_CRM_URLS: "true",
      // Sale notifications post to the mock Bot API that e2e/notifications.spec.ts starts on this port.
      TELEGRAM_API_BASE_URL: process.env.E2E_TELEGRAM_URL ?? "http://127.0.0.1:3199",
      // e2e/conversations.spec.ts runs the analysis queue's cron as the scheduler would.
      CRON_SECRET: process.env.E2E_CRON_SECRET ?? "e2e-cron-secret-for-tests-only",
      // Scheduled reports go to the SMTP server that e2e/schedules.spec.ts starts on this port.
      SMTP_URL: process.env.E2E_SMTP_URL ?? "smtp://127.0.0.1:3198",
      MAIL_FROM: "Voronka <reports@voronka.test>",
    },
  },
});

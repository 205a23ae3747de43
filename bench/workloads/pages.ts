// The speed a person feels (issue 16 §6): the production server (`npm start`; run `npm run build`
// first) on the bench PostgreSQL with the demo dataset, driven by a real browser (Debian's
// Chromium through Playwright). Per role: sign-in → the Overview fully rendered (every KPI shown,
// no card still loading), then a click in the menu → each other dashboard fully rendered, and the
// layout shift that happened after the page's first paint. Targets: sign-in → Overview ≤ 1.0 s
// p50, a dashboard navigation ≤ 600 ms p50, no layout shift after the data arrived.
import { loadavg } from "node:os";
import { chromium, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../db/demo/catalog";
import { freePort, startProductionServer } from "../../lib/ingest/test/server";
import { summarize, type Summary } from "../stats";
import type { BenchContext, BenchUser, Workload } from "../harness";

const TARGET = { signInMs: 1000, navigationMs: 600 };
/** BENCH_PAGES_ITERATIONS=n: sign-ins and navigations per role (default 5). */
const ITERATIONS = Number(process.env.BENCH_PAGES_ITERATIONS ?? 5);
const DASHBOARDS = ["/sales", "/funnel", "/managers", "/leads", "/traffic"];
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** Collects layout shifts (not caused by input) from the first paint on, in every page of the context. */
const LAYOUT_SHIFT_OBSERVER = `
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
`;

/** A dashboard is rendered when its main column holds content and nothing in it is loading. */
async function waitRendered(page: Page, path: string) {
  await page.waitForURL((url) => url.pathname === path, { timeout: 30_000 });
  await page.waitForFunction(
    () => {
      const main = document.querySelector("main");
      if (!main || main.querySelector('[aria-busy="true"]')) return false;
      return main.querySelector("table, .recharts-wrapper svg, [data-testid='kpi-value']") !== null;
    },
    undefined,
    { timeout: 30_000, polling: "raf" },
  );
}

async function signInToOverview(browser: Browser, origin: string, user: BenchUser) {
  const context = await browser.newContext({ baseURL: origin, locale: "ru-RU", viewport: { width: 1440, height: 900 } });
  await context.addInitScript(LAYOUT_SHIFT_OBSERVER);
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/e-mail/i).fill(user.email);
  await page.getByLabel(/пароль|password/i).fill(DEMO_PASSWORD);
  const started = performance.now();
  await page.getByRole("button", { name: /войти|sign in/i }).click();
  await waitRendered(page, "/");
  // Every KPI of the Overview carries its value (the sparkline may still animate; its data is there).
  await page.waitForFunction(() => document.querySelectorAll("[data-testid='kpi-value']").length >= 4, undefined, { timeout: 30_000 });
  return { page, close: () => context.close(), ms: performance.now() - started };
}

/** Clicks the menu link to `path` and waits for the dashboard; returns the time and the layout shift after it. */
async function navigate(page: Page, path: string) {
  await page.evaluate(() => ((window as unknown as { __shift: number }).__shift = 0));
  const started = performance.now();
  await page.locator(`a[href="${path}"]:visible`).first().click();
  await waitRendered(page, path);
  const ms = performance.now() - started;
  // Data that arrives later (a refetch, an image) would move the page now: give it a moment to.
  await page.waitForTimeout(300);
  const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
  return { ms, shift };
}

export const pagesWorkload: Workload = {
  name: "pages",
  description: "sign-in → Overview and dashboard navigation in Chromium against `npm start` (build first), per role",
  async run(ctx: BenchContext) {
    const port = await freePort();
    const env = { DATABASE_URL: ctx.url, SEED_DEMO: "false", AUTH_SECRET: "bench-secret-that-is-only-for-benchmarks", AUTH_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: "warn" };
    const server = await startProductionServer({ port, env, stdio: "inherit-errors", timeoutMs: 60_000 }).catch(() => {
      throw new Error("the production server did not become healthy (did you run `npm run build`?)");
    });
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
    const results: Summary[] = [];
    try {
      const roles: BenchUser[] = [ctx.users.admin, ctx.users.directors[0], ctx.users.managers[0]].filter(Boolean);
      // Unmeasured: the first requests compile nothing in production, but they warm the JIT and the database's caches.
      const warm = await signInToOverview(browser, server.origin, ctx.users.admin);
      for (const path of DASHBOARDS) await navigate(warm.page, path);
      await warm.close();

      for (const user of roles) {
        const signIns: number[] = [];
        const navigations = new Map<string, number[]>(DASHBOARDS.map((path) => [path, []]));
        let worstShift = 0;
        for (let i = 0; i < ITERATIONS; i++) {
          const session = await signInToOverview(browser, server.origin, user);
          signIns.push(session.ms);
          for (const path of DASHBOARDS) {
            const { ms, shift } = await navigate(session.page, path);
            navigations.get(path)!.push(ms);
            worstShift = Math.max(worstShift, shift);
          }
          await session.close();
        }
        const signIn = summarize(`${user.role}: sign-in → Overview rendered`, signIns);
        results.push(signIn);
        const all = [...navigations.values()].flat();
        const nav = summarize(`${user.role}: any dashboard navigation`, all);
        results.push(nav);
        for (const [path, times] of navigations) results.push(summarize(`${user.role}: → ${path}`, times));
        ctx.log(
          `${user.role} (${user.email}): sign-in → Overview p50 ${signIn.p50.toFixed(0)} ms (target ≤ ${TARGET.signInMs}), ` +
            `navigation p50 ${nav.p50.toFixed(0)} ms (target ≤ ${TARGET.navigationMs}), worst layout shift after navigation ${worstShift.toFixed(3)} · load ${loadavg()[0].toFixed(1)}`,
        );
      }
      for (const summary of results) ctx.record(summary);
    } finally {
      await browser.close();
      server.child.kill("SIGTERM");
    }
  },
};

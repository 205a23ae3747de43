// The container files, checked by the rules a Dockerfile linter would apply (hadolint is not among
// Debian's packages and nothing else may be downloaded): no docker engine runs here, so
// e2e/standalone.spec.ts runs the server exactly as the image's last stage lays it out.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, parseEnv } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const dockerfile = read("Dockerfile");
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n\s*/g, " ")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith("#"));
const stages = instructions.join("\n").split(/^FROM /m).slice(1);
const lastStage = stages.at(-1)!;

function envExample(): Record<string, string> {
  const entries = read(".env.example")
    .split("\n")
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split(/=(.*)/s).slice(0, 2) as [string, string]);
  return Object.fromEntries(entries);
}

describe("Dockerfile", () => {
  it("builds in stages from a pinned official Node image and runs the standalone server as a non-root user", () => {
    const bases = instructions.filter((line) => line.startsWith("FROM ")).map((line) => line.split(/\s+/)[1]);
    expect(bases.length).toBeGreaterThanOrEqual(2);
    for (const base of bases) expect(base).toMatch(/^node:\d+-bookworm-slim$/);
    expect(lastStage).toMatch(/^USER voronka$/m);
    expect(lastStage).toMatch(/COPY --from=build --chown=voronka:voronka \/app\/\.next\/standalone \.\//);
    expect(lastStage).toMatch(/COPY --from=build --chown=voronka:voronka \/app\/\.next\/static \.\/\.next\/static/);
    expect(lastStage).toMatch(/^CMD \["node", "scripts\/serve\.mjs"\]$/m);
  });

  it("checks its health on /api/health and uses no instruction a linter warns about", () => {
    expect(lastStage).toMatch(/^HEALTHCHECK .*CMD \[.*\/api\/health/m);
    // ADD fetches and unpacks; :latest drifts; a secret in ENV ends up in every layer.
    expect(instructions.some((line) => line.startsWith("ADD "))).toBe(false);
    expect(dockerfile).not.toMatch(/:latest\b/);
    expect(instructions.filter((line) => line.startsWith("ENV ")).join(" ")).not.toMatch(/SECRET|PASSWORD|KEY|TOKEN/);
    expect(instructions.filter((line) => line.startsWith("RUN ")).join(" ")).not.toMatch(/\bcurl\b|\bwget\b|apt-get install/);
  });

  it("keeps secrets and local build output out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".env", "node_modules", ".next", ".data", ".git"]) expect(ignored).toContain(entry);
  });
});

describe(".env.example and compose.yaml", () => {
  it("names only variables the app knows, and the app refuses to start until its secrets are replaced", () => {
    const example = envExample();
    const known = new Set([...Object.keys(envSchema.in.shape), "POSTGRES_PASSWORD"]);
    expect(Object.keys(example).filter((key) => !known.has(key))).toEqual([]);
    const compose = { NODE_ENV: "production", DATABASE_URL: "postgres://voronka:x@postgres:5432/voronka", VORONKA_ROLE: "web" };
    const unchanged = () => parseEnv({ ...example, ...compose });
    expect(unchanged).toThrow(/AUTH_SECRET: is still the placeholder of \.env\.example/);
    expect(unchanged).toThrow(/CRON_SECRET: is still the placeholder of \.env\.example/);
    expect(unchanged).toThrow(/ENCRYPTION_KEY: must be 32 random bytes/);
    // As docs/deploy.md says: three generated secrets, and the demo starts.
    const secrets = { AUTH_SECRET: "x".repeat(44), ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"), CRON_SECRET: "c".repeat(32) };
    const parsed = parseEnv({ ...example, ...secrets, ...compose });
    expect(parsed.SEED_DEMO).toBe(true);
    expect(parsed.SYNC_INTERVAL_MINUTES).toBe(15);
  });

  it("runs one web and one worker process against one PostgreSQL", () => {
    const compose = read("compose.yaml");
    expect(compose).toMatch(/^ {2}web:\n(?: {4}.*\n)*? {6}VORONKA_ROLE: web$/m);
    expect(compose).toMatch(/^ {2}worker:\n(?: {4}.*\n)*? {6}VORONKA_ROLE: worker$/m);
    expect(compose.match(/DATABASE_URL: postgres:\/\/voronka:\$\{POSTGRES_PASSWORD\}@postgres:5432\/voronka/g)).toHaveLength(2);
  });
});

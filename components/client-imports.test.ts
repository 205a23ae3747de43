// No page's browser code may reach zod: zod 4 probes `Function("")` when it loads, which the
// Content Security Policy reports as a violation on every page that bundles it (e2e/csp.spec.ts
// found it twice). This follows each "use client" file's imports through the project — not into a
// "use server" file, which the browser only calls — and names the chain that reaches zod.
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const FOLDERS = ["app", "components", "lib"];
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm;

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(ROOT, folder, file));
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const ending of [".ts", ".tsx", "/index.ts", "/index.tsx", ""]) {
    if (fs.existsSync(base + ending) && fs.statSync(base + ending).isFile()) return base + ending;
  }
  return null;
}

const directive = (source: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use (client|server)["']/.exec(source)?.[1];

/** The import chain from `file` to zod, or null. */
function chainToZod(file: string, seen: Set<string>): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  for (const [, spec] of source.matchAll(IMPORT)) {
    if (spec === "zod" || spec.startsWith("zod/")) return [file];
    const next = resolve(file, spec);
    if (!next || directive(fs.readFileSync(next, "utf8")) === "server") continue;
    const chain = chainToZod(next, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}

it("no browser code imports zod, however indirectly", () => {
  const clientFiles = FOLDERS.flatMap(sourceFiles).filter((file) => directive(fs.readFileSync(file, "utf8")) === "client");
  expect(clientFiles.length).toBeGreaterThan(50);
  const chains = clientFiles.map((file) => chainToZod(file, new Set())).filter((chain) => chain !== null);
  expect(chains.map((chain) => chain.map((file) => path.relative(ROOT, file)).join(" → "))).toEqual([]);
});

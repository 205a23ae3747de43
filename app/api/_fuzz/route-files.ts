// Every API route handler, found on disk (app/api/**/route.ts), so a new route is fuzzed without
// anyone listing it. A folder in brackets is a path parameter; `[...name]` takes several segments.
import { readdirSync } from "node:fs";
import path from "node:path";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

export type RouteFile = {
  /** "/api/users/[id]" */
  pattern: string;
  file: string;
  /** The names of its path parameters, in order; a catch-all's name starts with "...". */
  params: string[];
};

const API_DIR = path.resolve(import.meta.dirname, "..");

export function listRouteFiles(): RouteFile[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .sort()
    .map((file) => {
      const segments = path.dirname(file).split(path.sep);
      return {
        pattern: `/api/${segments.join("/")}`,
        file: path.join(API_DIR, file),
        params: segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1)),
      };
    });
}

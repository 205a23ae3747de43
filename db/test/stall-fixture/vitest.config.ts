import { defineConfig } from "vitest/config";

// Runs only the blocked fixture, with the watchdog that must stop it (stall-watchdog.test.ts).
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["*.hang.ts"],
    pool: "forks",
    // Two workers, so the other file runs to its end beside the blocked one.
    maxWorkers: 2,
    reporters: ["default", "../stall-watchdog.ts"],
  },
});

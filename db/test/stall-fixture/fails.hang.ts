// A test file that fails at once: a stall after it must fail the run, not repeat it.
import { expect, it } from "vitest";

it("fails", () => {
  expect(2 + 2).toBe(5);
});

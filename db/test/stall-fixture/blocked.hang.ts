// A test file whose worker blocks its own event loop: its timeout can never fire.
import { it } from "vitest";

it("blocks the worker's event loop", () => {
  const until = Date.now() + 10 * 60_000;
  while (Date.now() < until) {
    // busy: no timer, no message, no sign of life for ten minutes
  }
});

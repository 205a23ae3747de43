import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead";

describe("readAhead", () => {
  it("hands over every batch in order, reading at most one ahead, and closes the source when stopped early", async () => {
    const read: number[] = [];
    let closed = false;
    async function* source() {
      try {
        for (let batch = 1; batch <= 10; batch++) {
          read.push(batch);
          yield batch;
        }
      } finally {
        closed = true;
      }
    }
    const taken: number[] = [];
    for await (const batch of readAhead(source())) {
      taken.push(batch);
      expect(read.length).toBeLessThanOrEqual(batch + 1); // this batch and at most the next one
      if (batch === 3) break;
    }
    expect(taken).toEqual([1, 2, 3]);
    expect(read).toEqual([1, 2, 3, 4]); // batch 4 was in flight when the consumer stopped
    expect(closed).toBe(true);
  });

  it("passes on every batch of a source that ends", async () => {
    async function* source() {
      yield* [1, 2, 3];
    }
    const taken: number[] = [];
    for await (const batch of readAhead(source())) taken.push(batch);
    expect(taken).toEqual([1, 2, 3]);
  });
});

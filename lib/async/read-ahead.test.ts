import { describe, expect, it } from "vitest";
import { readAhead } from "./read-ahead";

/** Ten items, recording which were read and whether the source was closed. */
function counted() {
  const state = { read: [] as number[], closed: false };
  async function* source() {
    try {
      for (let item = 1; item <= 10; item++) {
        state.read.push(item);
        yield item;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source: source() };
}

describe("readAhead", () => {
  it("hands over every item in order, reading at most one ahead, and closes the source when stopped early", async () => {
    const { state, source } = counted();
    const taken: number[] = [];
    for await (const item of readAhead(source)) {
      taken.push(item);
      expect(state.read.length).toBeLessThanOrEqual(item + 1); // this item and at most the next one
      if (item === 3) break;
    }
    expect(taken).toEqual([1, 2, 3]);
    expect(state.read).toEqual([1, 2, 3, 4]); // item 4 was in flight when the consumer stopped
    expect(state.closed).toBe(true);
  });

  it("reads `depth` items ahead when asked", async () => {
    const { state, source } = counted();
    for await (const item of readAhead(source, 2)) {
      expect(state.read.length).toBeLessThanOrEqual(item + 2);
      if (item === 3) break;
    }
    expect(state.read).toEqual([1, 2, 3, 4, 5]); // items 4 and 5 were in flight
    expect(state.closed).toBe(true);
  });

  it("passes on every item of a source that ends, and its failure", async () => {
    async function* ends() {
      yield* [1, 2, 3];
    }
    const taken: number[] = [];
    for await (const item of readAhead(ends())) taken.push(item);
    expect(taken).toEqual([1, 2, 3]);

    async function* fails() {
      yield 1;
      throw new Error("the CRM went away");
    }
    const seen: number[] = [];
    await expect(async () => {
      for await (const item of readAhead(fails())) seen.push(item);
    }).rejects.toThrow("the CRM went away");
    expect(seen).toEqual([1]);
  });
});

// The group commit on its own, with a fake write: who waits for what, and what a failure answers.
import { describe, expect, it } from "vitest";
import { createGroupCommit } from "./group-commit";

/** A write that holds every call until released, and records each batch it was given. */
function heldWrite() {
  const batches: string[][] = [];
  const releases: (() => void)[] = [];
  const write = async (items: string[]) => {
    batches.push(items);
    await new Promise<void>((resolve) => releases.push(resolve));
    return items.map((item) => `id-of-${item}`);
  };
  return { batches, write, releaseAll: () => releases.splice(0).forEach((release) => release()) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("group commit", () => {
  it("answers nobody before their write has finished, and writes what arrived meanwhile together", async () => {
    const held = heldWrite();
    const commit = createGroupCommit({ write: held.write, maxBatch: 100, maxInFlight: 1 });
    const answered: string[] = [];
    const submit = (item: string) => commit.submit(item).then((id) => answered.push(id));
    const first = submit("a");
    await tick(); // "a" is being written alone
    const rest = ["b", "c", "d", "e"].map(submit);
    await tick();
    expect(held.batches).toEqual([["a"]]);
    expect(answered).toEqual([]);
    held.releaseAll();
    await first;
    expect(answered).toEqual(["id-of-a"]);
    // b…e waited for the one write in flight, then went as one batch of 4.
    await tick();
    expect(held.batches).toEqual([["a"], ["b", "c", "d", "e"]]);
    expect(answered).toEqual(["id-of-a"]);
    held.releaseAll();
    await Promise.all(rest);
    expect(answered).toEqual(["id-of-a", "id-of-b", "id-of-c", "id-of-d", "id-of-e"]);
  });

  it("splits a queue longer than maxBatch into several writes", async () => {
    const batches: number[][] = [];
    const commit = createGroupCommit({ write: async (items: number[]) => (batches.push(items), items), maxBatch: 3, maxInFlight: 1 });
    const results = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((n) => commit.submit(n)));
    expect(results).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(batches.every((batch) => batch.length <= 3)).toBe(true);
    expect(batches.flat()).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("keeps a write under maxWeight, sending an item heavier than that alone", async () => {
    const batches: string[][] = [];
    const commit = createGroupCommit({ write: async (items: string[]) => (batches.push(items), items), maxBatch: 100, maxWeight: 10, weightOf: (item: string) => item.length, maxInFlight: 1 });
    // 4 + 4 fit in 10; the third 4 would make 12; the 20-character one exceeds the limit by itself.
    await Promise.all(["aaaa", "bbbb", "cccc", "x".repeat(20), "dd"].map((item) => commit.submit(item)));
    expect(batches).toEqual([["aaaa", "bbbb"], ["cccc"], ["x".repeat(20)], ["dd"]]);
  });

  it("rejects every item of a batch whose write fails", async () => {
    let writes = 0;
    const commit = createGroupCommit({
      write: async () => {
        writes++;
        throw new Error("connection lost");
      },
      maxBatch: 100,
      maxInFlight: 1,
    });
    // Submitted in one turn of the event loop: one batch, one write, three refusals.
    const results = await Promise.allSettled(["a", "b", "c"].map((item) => commit.submit(item)));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(writes).toBe(1);
  });

  it("retries a batch item by item when one item's data is at fault, so only that one fails", async () => {
    const commit = createGroupCommit({
      write: async (items: string[]) => {
        if (items.includes("bad")) throw Object.assign(new Error("invalid byte sequence"), { code: "22021" });
        return items.map((item) => item.toUpperCase());
      },
      maxBatch: 100,
      maxInFlight: 1,
      isItemError: (error) => (error as { code?: string }).code === "22021",
    });
    const results = await Promise.allSettled(["a", "bad", "c"].map((item) => commit.submit(item)));
    expect(results).toEqual([
      { status: "fulfilled", value: "A" },
      { status: "rejected", reason: expect.objectContaining({ code: "22021" }) },
      { status: "fulfilled", value: "C" },
    ]);
  });
});

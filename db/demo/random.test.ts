import { expect, it } from "vitest";
import { createRandom, mixSeed } from "./random";

it("repeats itself for the same seed and differs for another", () => {
  const a = createRandom(7);
  const b = createRandom(7);
  const c = createRandom(8);
  const draw = (r: ReturnType<typeof createRandom>) => [r.next(), r.int(1, 6), r.uuid(), r.hex(16)];
  const first = draw(a);
  expect(draw(b)).toEqual(first);
  expect(draw(c)).not.toEqual(first);
});

it("makes valid version-4 uuids and 32-character hex secrets", () => {
  const rnd = createRandom(mixSeed(1, Date.UTC(2025, 10, 20)));
  const ids = new Set<string>();
  for (let i = 0; i < 10_000; i++) {
    const id = rnd.uuid();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    ids.add(id);
  }
  expect(ids.size).toBe(10_000);
  expect(rnd.hex(16)).toMatch(/^[0-9a-f]{32}$/);
});

it("keeps int() within its bounds, both included", () => {
  const rnd = createRandom(3);
  const seen = new Set<number>();
  for (let i = 0; i < 1_000; i++) seen.add(rnd.int(1, 3));
  expect([...seen].sort()).toEqual([1, 2, 3]);
});

it("draws uuids from their own stream: another id seed changes the ids and nothing else", () => {
  const a = createRandom(5, 1);
  const b = createRandom(5, 2);
  expect([a.next(), a.int(1, 100), a.hex(4)]).toEqual([b.next(), b.int(1, 100), b.hex(4)]);
  expect(a.uuid()).not.toBe(b.uuid());
  expect(a.next()).toBe(b.next());
});

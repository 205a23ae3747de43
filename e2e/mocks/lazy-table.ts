// A table of generated rows: row `id` of the base set is computed on demand from the seed, so
// 200,000 deals cost no memory; added, changed and deleted rows live in a small overlay.
// Base rows are modified in id order (their modification time grows with the id), so a
// "modified since" filter is a binary search, as an index would make it on a real server.

export class LazyTable<R> {
  private readonly overlay = new Map<number, R | null>();
  private nextId: number;
  version = 0;

  constructor(
    readonly baseCount: number,
    private readonly build: (id: number) => R | null,
    /** Modification time (ms) of base row `id`; must not decrease as `id` grows. */
    readonly baseModifiedAt: (id: number) => number,
    readonly modifiedAt: (row: R) => number,
  ) {
    this.nextId = baseCount + 1;
  }

  get(id: number): R | null {
    if (this.overlay.has(id)) return this.overlay.get(id) ?? null;
    return id >= 1 && id <= this.baseCount ? this.build(id) : null;
  }

  get maxId(): number {
    return this.nextId - 1;
  }

  add(make: (id: number) => R): R {
    const id = this.nextId++;
    const row = make(id);
    this.overlay.set(id, row);
    this.version++;
    return row;
  }

  put(id: number, row: R | null): void {
    this.overlay.set(id, row);
    if (id >= this.nextId) this.nextId = id + 1;
    this.version++;
  }

  /** Rows with id > afterId in id order; base rows modified before `modifiedFrom` are skipped by index. */
  *scan(afterId = 0, modifiedFrom = -Infinity): Generator<R> {
    for (const [, row] of this.entries(afterId, modifiedFrom)) yield row;
  }

  /** Like scan, with each row's table id. */
  *entries(afterId = 0, modifiedFrom = -Infinity): Generator<[number, R]> {
    const firstBase = Math.max(afterId + 1, this.firstBaseModifiedFrom(modifiedFrom));
    const touched = [...this.overlay.keys()].filter((id) => id > afterId).sort((a, b) => a - b);
    let t = 0;
    for (let id = firstBase; id <= this.baseCount; id++) {
      while (t < touched.length && touched[t] < id) yield* this.fromOverlay(touched[t++]);
      if (t < touched.length && touched[t] === id) {
        yield* this.fromOverlay(touched[t++]);
        continue;
      }
      const row = this.build(id);
      if (row) yield [id, row];
    }
    while (t < touched.length) yield* this.fromOverlay(touched[t++]);
  }

  /**
   * Live rows ordered by modification time: untouched base rows (older than any change, in id
   * order) and then the changed or added rows by their new time. Lazy, so a page costs a page.
   */
  *entriesByModified(modifiedFrom = -Infinity): Generator<[number, R]> {
    for (const entry of this.entries(0, modifiedFrom)) if (!this.overlay.has(entry[0])) yield entry;
    const changed = [...this.overlay.entries()].filter((entry): entry is [number, R] => entry[1] !== null);
    changed.sort((a, b) => this.modifiedAt(a[1]) - this.modifiedAt(b[1]) || a[0] - b[0]);
    yield* changed;
  }

  /** Live rows: generated rows minus the generator's gaps and deletions, plus additions. */
  count(): number {
    this.gapCount ??= this.countGaps();
    let count = this.baseCount - this.gapCount;
    for (const [id, row] of this.overlay) {
      const wasLive = id <= this.baseCount && this.build(id) !== null;
      count += (row !== null ? 1 : 0) - (wasLive ? 1 : 0);
    }
    return count;
  }
  private gapCount?: number;

  private countGaps(): number {
    let gaps = 0;
    for (let id = 1; id <= this.baseCount; id++) if (!this.build(id)) gaps++;
    return gaps;
  }

  private *fromOverlay(id: number): Generator<[number, R]> {
    const row = this.overlay.get(id);
    if (row) yield [id, row];
  }

  private firstBaseModifiedFrom(from: number): number {
    if (!(from > -Infinity)) return 1;
    let lo = 1;
    let hi = this.baseCount + 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.baseModifiedAt(mid) >= from) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

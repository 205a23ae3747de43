// Group commit: deliveries that arrive while earlier writes are in flight wait and are written
// together, one multi-row INSERT (one transaction) for the lot, and each caller is answered only
// when that write has committed. Under light load a delivery is written at once, alone; under heavy
// load batches grow by themselves, so no timer adds latency and the database sees far fewer commits.

export type GroupCommitOptions<T, R> = {
  /** Writes the items in one transaction; returns one result per item, in the same order. */
  write: (items: T[]) => Promise<R[]>;
  /** Most items in one write. */
  maxBatch: number;
  /** Most total weight in one write (e.g. bytes of bodies); an item heavier than this goes alone. */
  maxWeight?: number;
  weightOf?: (item: T) => number;
  /** Writes allowed in flight at once (each holds a connection). */
  maxInFlight: number;
  /**
   * True when the failure may be caused by one item's data (e.g. a NUL byte PostgreSQL refuses):
   * the batch is then retried item by item, so one bad delivery does not fail its neighbours.
   */
  isItemError?: (error: unknown) => boolean;
};

type Waiting<T, R> = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };

export type GroupCommit<T, R> = { submit: (item: T) => Promise<R> };

export function createGroupCommit<T, R>(options: GroupCommitOptions<T, R>): GroupCommit<T, R> {
  const queue: Waiting<T, R>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= options.maxInFlight) return;
    scheduled = true;
    // One turn of the event loop: deliveries that arrive together go together.
    setImmediate(flush);
  };

  const settle = async (batch: Waiting<T, R>[]) => {
    try {
      const results = await options.write(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`group commit: ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      if (batch.length > 1 && options.isItemError?.(error)) {
        await Promise.all(batch.map((w) => settle([w])));
        return;
      }
      for (const w of batch) w.reject(error);
    }
  };

  /** How many of the waiting items the next write takes: up to maxBatch and maxWeight, at least one. */
  const batchLength = () => {
    const limit = Math.min(queue.length, options.maxBatch);
    if (!options.maxWeight || !options.weightOf) return limit;
    let weight = 0;
    for (let n = 0; n < limit; n++) {
      weight += options.weightOf(queue[n].item);
      if (weight > options.maxWeight) return Math.max(1, n);
    }
    return limit;
  };

  const flush = () => {
    scheduled = false;
    if (inFlight >= options.maxInFlight || queue.length === 0) return;
    const batch = queue.splice(0, batchLength());
    inFlight++;
    void settle(batch).finally(() => {
      inFlight--;
      schedule();
    });
    schedule(); // more waiting than one batch holds, and a slot free: start the next write too
  };

  return {
    submit: (item) =>
      new Promise<R>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      }),
  };
}

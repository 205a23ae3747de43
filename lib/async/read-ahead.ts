// Reading ahead of the consumer: the next items of a stream are asked for while the current one is
// being handled, so a slow producer (a CRM behind a rate limiter, a database cursor) and a slow
// consumer (database writes, a file being sent) overlap. At most depth + 1 items are in memory.
// The sync picks its depth per plan (SyncPlan.readAhead): Bitrix24's bucket banks the requests a
// slow write leaves unused, so one page ahead (2,500 rows, ~30 MB while in flight) is enough;
// amoCRM's window cannot catch up on a missed slot, and its pages are a tenth as big. Exports read
// one batch ahead, so no more than two batches are ever in memory.
export async function* readAhead<T>(source: AsyncGenerator<T>, depth = 1): AsyncGenerator<T> {
  // An async generator queues next() calls and runs them one after the other.
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < depth) {
      const next = source.next();
      next.catch(() => {}); // if we stop early, a failed read-ahead is nobody's error
      queue.push(next);
    }
  };
  try {
    fill();
    for (;;) {
      const result = await queue.shift()!;
      if (result.done) return;
      fill();
      yield result.value;
    }
  } finally {
    // Stopped early (a client went away, a row limit, a stopped run): the return queues behind the
    // reads still in flight, so nothing is left running.
    await source.return(undefined).catch(() => {});
  }
}

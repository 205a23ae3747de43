// Reading ahead of the writer: the CRM is asked for the next pages while the current one is being
// written, so the rate limiter's pauses and the database's writes overlap. At most depth + 1 pages
// are in memory. Each plan picks its depth (SyncPlan.readAhead): Bitrix24's bucket banks the
// requests a slow write leaves unused, so one page ahead (2,500 rows, ~30 MB while in flight) is
// enough; amoCRM's window cannot catch up on a missed slot, and its pages are a tenth as big.
export async function* readAhead<T>(pages: AsyncGenerator<T>, depth: number): AsyncGenerator<T> {
  // An async generator queues next() calls and runs them one after the other.
  const queue: Promise<IteratorResult<T>>[] = [];
  const fill = () => {
    while (queue.length < depth) {
      const next = pages.next();
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
    // Wait for read-aheads still in flight, so a stopped run leaves no request behind.
    await pages.return(undefined).catch(() => {});
  }
}

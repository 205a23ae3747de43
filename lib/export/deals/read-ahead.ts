// Keeps one batch of a stream in flight: while a batch is turned into CSV or XLSX and sent, the
// database already reads the next, and no more than two batches are ever in memory.
export async function* readAhead<T>(source: AsyncGenerator<T>): AsyncGenerator<T> {
  let next = source.next();
  try {
    for (;;) {
      const current = await next;
      if (current.done) return;
      next = source.next();
      yield current.value;
    }
  } finally {
    // Stopped early (a client went away, a row limit): let the read in flight finish, then close.
    await next.catch(() => undefined);
    await source.return(undefined);
  }
}

// One promise per key while it runs: two callers that need the same token refresh at the same
// time share one request. CRMs rotate refresh tokens, so a second refresh with the same old
// token would be refused ("Token has been revoked"); a caller that arrives shortly after the
// refresh finished gets the remembered result instead of refreshing again.
import { processSlot } from "@/lib/process-slot";

type Flights = { running: Map<string, Promise<unknown>>; done: Map<string, { value: unknown; until: number }> };
const slot = processSlot<Flights>("ConnectorFlights");
const flights = () => slot.ensure(() => ({ running: new Map(), done: new Map() }));

export function singleFlight<T>(key: string, run: () => Promise<T>, rememberMs = 0): Promise<T> {
  const { running, done } = flights();
  const remembered = done.get(key);
  if (remembered && remembered.until > Date.now()) return Promise.resolve(remembered.value as T);
  const existing = running.get(key);
  if (existing) return existing as Promise<T>;
  const promise = run()
    .then((value) => {
      if (rememberMs > 0) done.set(key, { value, until: Date.now() + rememberMs });
      return value;
    })
    .finally(() => running.delete(key));
  running.set(key, promise);
  return promise;
}

// The body of GET /api/live: `ready` once the process listens, `facts` on each (coalesced) change of
// the organisation's facts, a comment every HEARTBEAT_MS so proxies keep the connection open; it
// ends, and unsubscribes, when the browser goes away.
import type { FactsHub } from "./hub";

export const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting after the stream broke. */
const RETRY_MS = 3_000;

export function liveEventStream(hub: FactsHub, orgId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => {};
  return new ReadableStream({
    async start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const unsubscribe = await hub.subscribe(orgId, () => send(`event: facts\ndata: ${Date.now()}\n\n`));
      const heartbeat = setInterval(() => send(": still here\n\n"), HEARTBEAT_MS);
      heartbeat.unref?.();
      const close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the reader
        }
      };
      stop = close;
      if (signal.aborted) return close();
      signal.addEventListener("abort", close);
      send(`retry: ${RETRY_MS}\nevent: ready\ndata: ${Date.now()}\n\n`);
    },
    cancel() {
      stop();
    },
  });
}

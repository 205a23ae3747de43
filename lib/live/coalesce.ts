// Browsers hear about changed facts at most once a second per organisation: a sync writing 100k
// rows page by page, or a burst of webhooks, becomes a few refetches, not thousands. The first
// change of a quiet spell goes out after FIRST_DELAY_MS, so a single webhook shows within 2 s.
export const FIRST_DELAY_MS = 250;
export const MIN_GAP_MS = 1_000;

export type Coalescer = { push: (orgId: string) => void; stop: () => void };

export function coalescePerOrg(emit: (orgId: string) => void, now: () => number = Date.now): Coalescer {
  const lastEmit = new Map<string, number>();
  const timers = new Map<string, NodeJS.Timeout>();
  return {
    push(orgId) {
      if (timers.has(orgId)) return; // one already on its way carries this change too
      const due = Math.max(now() + FIRST_DELAY_MS, (lastEmit.get(orgId) ?? -Infinity) + MIN_GAP_MS);
      const timer = setTimeout(() => {
        timers.delete(orgId);
        lastEmit.set(orgId, now());
        emit(orgId);
      }, due - now());
      timer.unref?.();
      timers.set(orgId, timer);
    },
    stop() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

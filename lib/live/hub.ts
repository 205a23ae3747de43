// The process's browsers waiting for their organisation's facts to change (GET /api/live). The
// listener starts with the first subscriber and stays; each organisation's changes are coalesced
// (./coalesce.ts) and go only to that organisation's subscribers — the event carries no figures,
// the page refetches them through its own scoped report API.
import { errorMessage } from "@/lib/error-text";
import { processSlot } from "@/lib/process-slot";
import { coalescePerOrg, type Coalescer } from "./coalesce";
import { listenForFacts, type ListenTarget } from "./listener";

type Subscriber = () => void;
export type FactsHub = {
  /** Resolves once the process is listening (or could not: then pages update on reload only), with the way to stop. */
  subscribe: (orgId: string, onChange: Subscriber) => Promise<() => void>;
  close: () => Promise<void>;
};

export function createFactsHub(target: () => Promise<ListenTarget>): FactsHub {
  const subscribers = new Map<string, Set<Subscriber>>();
  const coalescer: Coalescer = coalescePerOrg((orgId) => {
    for (const onChange of subscribers.get(orgId) ?? []) onChange();
  });
  let listening: Promise<{ close: () => Promise<void> } | null> | null = null;
  const listen = () =>
    (listening ??= target()
      .then((resolved) => listenForFacts(resolved, (orgId) => coalescer.push(orgId)))
      .catch((error: unknown) => {
        console.error("[live] cannot listen for changed facts; pages update on reload only:", errorMessage(error));
        listening = null; // the next subscriber tries again
        return null;
      }));
  return {
    async subscribe(orgId, onChange) {
      await listen();
      const set = subscribers.get(orgId) ?? new Set();
      set.add(onChange);
      subscribers.set(orgId, set);
      return () => {
        set.delete(onChange);
        if (set.size === 0) subscribers.delete(orgId);
      };
    },
    async close() {
      coalescer.stop();
      subscribers.clear();
      const listener = await listening;
      listening = null;
      await listener?.close();
    },
  };
}

const slot = processSlot<FactsHub>("LiveFacts");

/** The process's one hub, listening on the app's database. */
export function factsHub(): FactsHub {
  return slot.ensure(() =>
    createFactsHub(async () => {
      const [{ getDbHandle }, { env }, { sessionUrl }] = await Promise.all([import("@/db/client"), import("@/lib/env"), import("@/db/postgres-options")]);
      const { db, mode } = await getDbHandle();
      return { db, mode, url: env.DATABASE_URL ? sessionUrl(env.DATABASE_URL, env.DATABASE_DIRECT_URL) : undefined };
    }),
  );
}

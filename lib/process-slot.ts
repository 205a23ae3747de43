// A value shared by the whole process, kept on globalThis: instrumentation.ts and each route bundle
// are separate module graphs, and dev reloads re-evaluate modules, so a module-level variable would
// exist several times. The key is `__voronka<Name>` (scripts/serve.mjs reads `__voronkaDirectWebhooks`).
export type ProcessSlot<T> = {
  get(): T | undefined;
  set(value: T | undefined): void;
  /** The value, made by `create` the first time. */
  ensure(create: () => T): T;
};

export function processSlot<T>(name: string): ProcessSlot<T> {
  const key = `__voronka${name}`;
  const store = globalThis as unknown as Record<string, T | undefined>;
  return {
    get: () => store[key],
    set: (value) => {
      store[key] = value;
    },
    ensure: (create) => (store[key] ??= create()),
  };
}

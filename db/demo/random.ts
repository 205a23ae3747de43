// A small seeded PRNG (mulberry32) and the helpers the demo generator draws everything from,
// uuids included, so a fixed seed and a fixed `now` give exactly the same rows.

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export type Random = ReturnType<typeof createRandom>;

/** Mixes two numbers into one 32-bit seed (the murmur3 finaliser), e.g. the user's seed and `now`. */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ (b | 0) ^ Math.floor(b / 0x1_0000_0000)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a: a string (e.g. an e-mail domain) as a 32-bit number. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: 32 bits of state, period 2^32, good enough for demo data. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * Everything draws from `seed`, except uuids: they have their own stream (`idSeed`), so that two
 * copies of the same data can live side by side under different ids (tests on a shared database).
 */
export function createRandom(seed: number, idSeed = mixSeed(seed, 0x5bd1e995)) {
  const nextUint32 = mulberry32(seed);
  const nextIdUint32 = mulberry32(idSeed);
  const next = () => nextUint32() / 0x1_0000_0000;

  const rnd = {
    next,
    /** An integer in [min, max], both included. */
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    float: (min: number, max: number) => min + next() * (max - min),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    /** Picks by weight; `weights` is parallel to `items`. */
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      let total = 0;
      for (const w of weights) total += w;
      let x = next() * total;
      for (let i = 0; i < items.length; i++) {
        x -= weights[i];
        if (x < 0) return items[i];
      }
      return items[items.length - 1];
    },
    /** Standard normal (Box–Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    /** Log-normal around `median`; sigma is the spread of the logarithm. */
    logNormal: (median: number, sigma: number) => median * Math.exp(sigma * rnd.normal()),
    exponential: (mean: number) => -mean * Math.log(1 - next()),
    /** A valid version-4 uuid made of PRNG bits. */
    uuid: (): string => {
      const a = nextIdUint32();
      const b = nextIdUint32();
      const c = nextIdUint32();
      const d = nextIdUint32();
      return (
        HEX[a >>> 24] + HEX[(a >>> 16) & 255] + HEX[(a >>> 8) & 255] + HEX[a & 255] + "-" +
        HEX[b >>> 24] + HEX[(b >>> 16) & 255] + "-" +
        HEX[((b >>> 8) & 0x0f) | 0x40] + HEX[b & 255] + "-" +
        HEX[((c >>> 24) & 0x3f) | 0x80] + HEX[(c >>> 16) & 255] + "-" +
        HEX[(c >>> 8) & 255] + HEX[c & 255] +
        HEX[d >>> 24] + HEX[(d >>> 16) & 255] + HEX[(d >>> 8) & 255] + HEX[d & 255]
      );
    },
    /** `bytes` random bytes as lower-case hex (webhook secrets). */
    hex: (bytes: number): string => {
      let out = "";
      for (let i = 0; i < bytes; i++) out += HEX[nextUint32() & 255];
      return out;
    },
  };
  return rnd;
}

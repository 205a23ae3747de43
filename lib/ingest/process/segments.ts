// Cuts a source's batch of changes into runs that can each be applied with one bulk write per
// entity kind and still end exactly as applying them one by one: within a run no entity is touched
// twice, so nothing in the run depends on another part of it. The next change to an entity the run
// already touched starts a new run, which sees the first one's result, as one-by-one would.
export function splitIntoSegments<T>(units: readonly T[], keysOf: (unit: T) => Iterable<string>): T[][] {
  const segments: T[][] = [];
  let current: T[] = [];
  let touched = new Set<string>();
  for (const unit of units) {
    const keys = [...keysOf(unit)];
    if (keys.some((key) => touched.has(key))) {
      segments.push(current);
      current = [];
      touched = new Set();
    }
    current.push(unit);
    for (const key of keys) touched.add(key);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

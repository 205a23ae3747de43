// Bitrix24's own rule, as the portal applies it (docs/bitrix24-wire.md, "Limits"): every
// request adds 1 to a level that drains `drainPerSecond`; a request that would lift the level
// above `capacity` is refused. The mock portal enforces it with this meter; the client paces
// itself with the equivalent TokenBucket, which waits instead of refusing.

export class LeakyBucket {
  private level = 0;
  private updatedAt: number;

  constructor(private readonly options: { capacity: number; drainPerSecond: number; now?: () => number }) {
    this.updatedAt = this.now();
  }

  /** Counts the request and returns true, or returns false (refused, not counted). */
  tryAdd(): boolean {
    this.drain();
    if (this.level + 1 > this.options.capacity) return false;
    this.level += 1;
    return true;
  }

  get currentLevel(): number {
    this.drain();
    return this.level;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private drain(): void {
    const now = this.now();
    this.level = Math.max(0, this.level - ((now - this.updatedAt) / 1000) * this.options.drainPerSecond);
    this.updatedAt = now;
  }
}

/**
 * A fixed one-minute window per client address, for the unauthenticated routes. Kept in memory:
 * each instance limits on its own, which is enough to blunt a flood from one address.
 */
export class RateLimiter {
  private windowStart = 0;
  private counts = new Map<string, number>();
  private readonly perMinute: number;
  private readonly now: () => number;

  constructor(perMinute: number, now: () => number) {
    this.perMinute = perMinute;
    this.now = now;
  }

  /** True while the address is within its allowance; 0 per minute means no limit. */
  allow(ip: string): boolean {
    if (this.perMinute === 0) return true;
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const count = (this.counts.get(ip) ?? 0) + 1;
    this.counts.set(ip, count);
    return count <= this.perMinute;
  }
}

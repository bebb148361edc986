/**
 * How soon the overlay may repair itself again (re-attach after a removal, re-apply its style after a
 * restyle). The first few repairs are immediate; a page that keeps undoing them makes each next repair wait
 * twice as long, up to a ceiling, so a hostile page can never make the overlay loop hot. A quiet spell
 * (no repair asked for `quietMs` after the last one was done) starts over.
 */
export interface BackoffOptions {
  /** Repairs allowed at once before waiting starts. */
  free?: number;
  /** First wait once the free repairs are used up (ms). */
  baseMs?: number;
  /** Longest wait (ms). */
  maxMs?: number;
  /** A repair this long after the previous one starts over (ms). */
  quietMs?: number;
}

export class Backoff {
  private count = 0;
  /** When the last repair was done (after its wait). */
  private doneAt = Number.NEGATIVE_INFINITY;
  private readonly free: number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly quietMs: number;

  constructor(
    private readonly now: () => number,
    opts: BackoffOptions = {},
  ) {
    this.free = opts.free ?? 3;
    this.baseMs = opts.baseMs ?? 50;
    this.maxMs = opts.maxMs ?? 30_000;
    this.quietMs = opts.quietMs ?? 5_000;
  }

  /** Record one more repair; returns how long to wait before doing it (0 = now). */
  next(): number {
    const t = this.now();
    if (t - this.doneAt > this.quietMs) this.count = 0;
    this.count++;
    const wait =
      this.count <= this.free ? 0 : Math.min(this.maxMs, this.baseMs * 2 ** (this.count - this.free - 1));
    this.doneAt = t + wait;
    return wait;
  }

  /** Repairs since the last quiet spell. */
  get streak(): number {
    return this.count;
  }
}

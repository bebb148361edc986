/**
 * When the engine may audit again after the page changed: bounded by time, never by a count (a ticking
 * clock on the page would use a count up in seconds and leave later content unaudited). Changes are
 * debounced; re-audits are at least `minGapMs` apart; and after a re-audit that took d ms the next one waits
 * long enough that re-audits use at most `maxShare` of the page's time (d / (d + wait) ≤ maxShare).
 */
export interface ReauditLimits {
  debounceMs: number;
  minGapMs: number;
  maxShare: number;
}

export const REAUDIT_LIMITS: ReauditLimits = { debounceMs: 600, minGapMs: 1500, maxShare: 0.1 };

export class ReauditGate {
  private earliest = Number.NEGATIVE_INFINITY;

  constructor(private readonly limits: ReauditLimits = REAUDIT_LIMITS) {}

  /** How long to wait, from `now`, before re-auditing for a change seen now. */
  delay(now: number): number {
    return Math.max(this.limits.debounceMs, this.earliest - now);
  }

  /** An audit ran from `start` to `end` (ms, one clock). */
  ran(start: number, end: number): void {
    const took = Math.max(0, end - start);
    const rest = (took * (1 - this.limits.maxShare)) / this.limits.maxShare;
    this.earliest = end + Math.max(this.limits.minGapMs, rest);
  }
}

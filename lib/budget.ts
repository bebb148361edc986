/**
 * The audit's time budget: one deadline for reading the page, building its tables and sections, and
 * running the rules. It is checked inside the long loops (the DOM walk, table grids, the text blocks a rule
 * walks), not only between stages; once the time is up it stays up.
 */

const clock = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Where the time ran out: reading the page into blocks, building tables/sections/facts, or the rules. */
export type BudgetStage = 'read' | 'extract' | 'rules';

export interface Budget {
  /** The budget in ms (Infinity for none). */
  readonly ms: number;
  /** True once the deadline has passed. Cheap enough for hot loops: reads the clock on every 32nd call. */
  expired(): boolean;
  /** Milliseconds since the budget started. */
  elapsed(): number;
}

/** Thrown inside a rule's walk over the page when the time is up; the audit lists the rule as skipped. */
export class OutOfTime extends Error {
  constructor() {
    super('time budget ran out');
    this.name = 'OutOfTime';
  }
}

const CHECK_EVERY = 32;

export function startBudget(ms: number): Budget {
  const started = clock();
  const deadline = started + ms;
  let calls = 0;
  let out = !(ms > 0) && ms !== Number.POSITIVE_INFINITY;
  return {
    ms,
    expired() {
      if (out) return true;
      if (++calls % CHECK_EVERY === 1) out = clock() > deadline;
      return out;
    },
    elapsed: () => clock() - started,
  };
}

/** No deadline (reading a document outside an audit). */
export const UNLIMITED: Budget = startBudget(Number.POSITIVE_INFINITY);

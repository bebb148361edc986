/**
 * Stable finding numbers. A finding's number is tied to its id (stable across audits of the same page):
 * the first audit numbers its findings in reading order (page-level first, then document order), a
 * re-check keeps every number it has given and numbers new findings after the last one. Filters never
 * renumber: numbers are given to every finding, shown or not. The page, popup and side panel read the same
 * numbers through `order()` (audit-done's `order`).
 */
export class FindingNumbers {
  private readonly byId = new Map<string, number>();
  private last = 0;

  /** Number the ids not yet numbered, in the order given (reading order). */
  assign(idsInReadingOrder: readonly string[]): void {
    for (const id of idsInReadingOrder) {
      if (this.byId.has(id)) continue;
      this.last++;
      this.byId.set(id, this.last);
    }
  }

  get(id: string): number | undefined {
    return this.byId.get(id);
  }

  /** `order[n - 1]` is the id numbered n among `present`, '' for a number whose finding is not present. */
  order(present: Iterable<string>): string[] {
    const out: string[] = [];
    for (const id of present) {
      const n = this.byId.get(id);
      if (n === undefined) continue;
      while (out.length < n) out.push('');
      out[n - 1] = id;
    }
    return out;
  }
}

/** Numbers by id, from an `order` list (audit-done's): position n - 1 holds the id numbered n. */
export function numbersFromOrder(order: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  order.forEach((id, i) => {
    if (id) m.set(id, i + 1);
  });
  return m;
}

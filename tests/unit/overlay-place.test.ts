import { describe, expect, it } from 'vitest';
import { FindingNumbers, numbersFromOrder } from '../../lib/overlay/numbers';
import { overlaps, Placed, placeCard, placeCellBadge, placeMarginBadge, rect } from '../../lib/overlay/place';

describe('stable finding numbers', () => {
  it('numbers in reading order, keeps them across re-checks, numbers new findings after the last', () => {
    const book = new FindingNumbers();
    book.assign(['a', 'b', 'c']);
    expect(book.order(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    // re-check: b was fixed, d is new and comes first on the page
    book.assign(['d', 'a', 'c']);
    expect([book.get('a'), book.get('c'), book.get('d')]).toEqual([1, 3, 4]);
    const order = book.order(['d', 'a', 'c']);
    expect(order).toEqual(['a', '', 'c', 'd']);
    expect(numbersFromOrder(order)).toEqual(
      new Map([
        ['a', 1],
        ['c', 3],
        ['d', 4],
      ]),
    );
  });
});

describe('badge placement', () => {
  const cell = rect(100, 100, 80, 24);
  it('goes in a corner of the cell clear of its figure', () => {
    const placed = new Placed();
    const text = rect(150, 104, 20, 16); // a right-aligned figure
    const b = placeCellBadge(cell, text, 400, 17, placed);
    expect(overlaps(b, text)).toBe(false);
    expect(b.left).toBeGreaterThanOrEqual(cell.left);
    expect(b.right).toBeLessThanOrEqual(cell.right);
  });

  it('goes right of the table when the figure fills the cell, and never on another badge', () => {
    const placed = new Placed();
    const text = rect(101, 101, 78, 22);
    const a = placeCellBadge(cell, text, 400, 17, placed);
    const b = placeCellBadge(cell, text, 400, 17, placed);
    expect(a.left).toBeGreaterThanOrEqual(400);
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, text) || overlaps(b, text)).toBe(false);
  });

  it('text and section badges sit in the margin left of their block', () => {
    const placed = new Placed();
    const block = rect(200, 300, 600, 40);
    const a = placeMarginBadge(block, 302, 17, placed);
    const b = placeMarginBadge(block, 302, 17, placed);
    expect(a.right).toBeLessThanOrEqual(block.left);
    expect(overlaps(a, b)).toBe(false);
  });
});

describe('card placement', () => {
  it('beside the cells it explains, never over them, off the status chip', () => {
    const area = rect(100, 200, 600, 30);
    const chip = rect(1000, 700, 200, 30);
    const c = placeCard(area, 340, 220, 1366, 768, chip);
    expect(overlaps(c, area)).toBe(false);
    expect(overlaps(c, chip)).toBe(false);
    expect(c.right).toBeLessThanOrEqual(1366);
  });
  it('below or above when there is no room at the sides', () => {
    const area = rect(20, 100, 1320, 40);
    const c = placeCard(area, 340, 220, 1366, 768, null);
    expect(overlaps(c, area)).toBe(false);
    expect(c.top).toBeGreaterThanOrEqual(area.bottom);
  });
});

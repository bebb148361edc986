/**
 * HTML table → grid of slots with rowspan/colspan resolved (the HTML table-processing model, bounded).
 * Every slot points at its origin cell, so a value keeps a reference to its element.
 */
import { type Budget, UNLIMITED } from '../budget';
import { collapseSpaces } from '../text/normalize';
import { elementText, isElement, isHidden, tagOf } from './dom-utils';

export interface GridCell {
  el: Element;
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface Grid {
  /** slots[r][c] — undefined where a row is shorter than the widest row (lost cells). */
  slots: (GridCell | undefined)[][];
  width: number;
  /** Cells as they appear in the source, in document order. */
  cells: GridCell[];
  /** Number of origin cells in each row (not counting slots covered by rowspans from above). */
  ownCells: number[];
  /** True when the table was larger than the limits and was cut. */
  truncated: boolean;
}

export const GRID_LIMITS = { maxRows: 2000, maxCols: 200, maxSpan: 200 };

/** The <tr> elements of a table, not descending into nested tables. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of Array.from(table.children)) {
    const tag = tagOf(child);
    if (tag === 'tr') rows.push(child);
    else if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') {
      for (const tr of Array.from(child.children)) if (tagOf(tr) === 'tr') rows.push(tr);
    }
  }
  return rows;
}

function spanAttr(el: Element, name: string, zeroMeansRest: number): number {
  const raw = el.getAttribute(name);
  if (raw === null) return 1;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < 0) return 1;
  if (n === 0) return zeroMeansRest;
  return Math.min(n, GRID_LIMITS.maxSpan);
}

/**
 * Would textContent run words together or include hidden text? (<br>, two block elements side by side,
 * lists, scripts, hidden elements.) A plain scan: selector matching is slow in some DOMs.
 */
function needsCarefulText(el: Element): boolean {
  // every element below el, with an explicit stack (no recursion: cells may nest thousands deep)
  const stack: Element[] = [el];
  for (let e = stack.pop(); e; e = stack.pop()) {
    let blocks = 0;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) {
      const tag = tagOf(c);
      if (tag === 'br' || tag === 'li' || tag === 'script' || tag === 'style' || tag === 'template')
        return true;
      if ((tag === 'p' || tag === 'div') && ++blocks > 1) return true;
      if (isHidden(c)) return true;
      if (c.firstElementChild) stack.push(c);
    }
  }
  return false;
}

/** A cell's text: textContent (one native call) when that is safe, else the careful walk. */
export function cellText(td: Element): string {
  if (td.firstElementChild && needsCarefulText(td)) return elementText(td);
  return td.textContent ?? '';
}

/**
 * The slot grid of a table. Past the time budget the remaining rows are left out and the grid is marked
 * truncated, like a table past the size limits.
 */
export function buildGrid(table: Element, budget: Budget = UNLIMITED): Grid {
  const trs = tableRows(table);
  const truncated = trs.length > GRID_LIMITS.maxRows;
  const rows = truncated ? trs.slice(0, GRID_LIMITS.maxRows) : trs;
  const slots: (GridCell | undefined)[][] = rows.map(() => []);
  const cells: GridCell[] = [];
  const ownCells: number[] = [];
  let width = 0;
  let cut = truncated;
  for (let r = 0; r < rows.length; r++) {
    const tr = rows[r] as Element;
    if (budget.expired()) {
      slots.length = r;
      cut = true;
      break;
    }
    let col = 0;
    let own = 0;
    for (const td of Array.from(tr.children)) {
      if (!isElement(td)) continue;
      const tag = tagOf(td);
      if (tag !== 'td' && tag !== 'th') continue;
      const rowArr = slots[r] as (GridCell | undefined)[];
      while (rowArr[col] !== undefined) col++;
      if (col >= GRID_LIMITS.maxCols) {
        cut = true;
        break;
      }
      const rowspan = Math.min(spanAttr(td, 'rowspan', rows.length - r), rows.length - r);
      const colspan = Math.min(spanAttr(td, 'colspan', 1), GRID_LIMITS.maxCols - col);
      const cell: GridCell = { el: td, text: collapseSpaces(cellText(td)), row: r, col, rowspan, colspan };
      cells.push(cell);
      own++;
      for (let dr = 0; dr < rowspan; dr++) {
        const target = slots[r + dr];
        if (!target) break;
        for (let dc = 0; dc < colspan; dc++) {
          if (target[col + dc] === undefined) target[col + dc] = cell;
        }
      }
      col += colspan;
    }
    ownCells.push(own);
  }
  for (const row of slots) width = Math.max(width, row.length);
  return { slots, width, cells, ownCells, truncated: cut };
}

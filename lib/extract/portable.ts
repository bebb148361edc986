/**
 * A web page's blocks as plain data, so that extraction and the rules can run in another context (the
 * extension's background, whose code is compiled already) while the page keeps its elements. The page reads
 * its blocks (blocksFromDocument), sends `toPortable(src)`; the other side extracts from
 * `fromPortable(p)` and answers the cell keys as element references (`cellRefs`); the page puts its own
 * elements back (`withElements`). Extraction reads of an element only its tag and, for a breadcrumb's
 * label line, the link texts around it: the stand-ins below carry exactly that, and a test audits every
 * fixture page both ways.
 */
import type { BlockText, Report, Table, TableKind } from '../model/schema';
import type { Block, SourceDoc, TableBlock, TextBlock } from './blocks';
import { tagOf } from './dom-utils';
import type { Grid, GridCell } from './grid';
import { CRUMB_LABEL_RE, type Extracted } from './index';
import type { ExtractStop } from './out-of-time';

/** The blocks extraction looks at for a breadcrumb (lib/extract/index.ts findColumnName). */
export const CRUMB_BLOCKS = 60;
/** How far up from a breadcrumb's label line extraction looks for its links, and how many it counts. */
const CRUMB_LEVELS = 3;
const CRUMB_LINKS = 9;

/**
 * A table's grid: per cell its text and [row, col, rowspan, colspan]; per row its length and its slots (the
 * index of the cell covering each, -1 where none does: a row shorter than the widest keeps its holes).
 */
export interface PortableGrid {
  texts: string[];
  spans: number[];
  lengths: number[];
  slots: number[];
  width: number;
  ownCells: number[];
  truncated: boolean;
}

/**
 * A web page read to its end, without its elements, block by block in columns (plain arrays of strings and
 * numbers: cheap to send and to check).
 */
export interface PortableSource {
  docTitle: string | null;
  meta: Record<string, string>;
  url: string | null;
  /** One letter per block, in order: 't' a line of text, 'g' a table, 'i' an image. */
  kinds: string;
  /** Per block: a line's text, a table's text, an image's alt text. */
  texts: string[];
  /** Per block: the tag of a line's element ('' for none, and for tables and images). */
  tags: string[];
  /** Breadcrumb label lines: [block, the link texts of its element and of its parents, nearest first]. */
  crumbs: Array<[number, string[][]]>;
  /** The tables' grids, in block order. */
  grids: PortableGrid[];
}

/** An element of the page, by block (and cell of a table block's grid; -1: the block's own element). */
export type CellRef = [key: string, block: number, cell: number];

/** What the other side answers besides the audit: the block text and where every cell key points. */
export interface PortableExtraction {
  text: BlockText[];
  cells: CellRef[];
  tokens: Array<[key: string, block: number, token: number]>;
  stopped?: ExtractStop | undefined;
}

function linkTexts(el: Element): string[] {
  const out: string[] = [];
  for (const a of Array.from(el.querySelectorAll('a'))) {
    out.push(a.textContent ?? '');
    if (out.length >= CRUMB_LINKS) break;
  }
  return out;
}

/** The link texts extraction would look at around a breadcrumb's label line (nearest element first). */
function aroundOf(b: TextBlock): string[][] | undefined {
  if (!b.el || !CRUMB_LABEL_RE.test(b.text)) return undefined;
  const out: string[][] = [];
  for (let el: Element | null = b.el, up = 0; el && up < CRUMB_LEVELS; el = el.parentElement, up++) {
    const links = linkTexts(el);
    out.push(links);
    if (links.length > 0) break;
  }
  return out;
}

function portableGrid(grid: Grid): PortableGrid {
  const at = new Map<GridCell, number>();
  const texts: string[] = [];
  const spans: number[] = [];
  for (const [i, c] of grid.cells.entries()) {
    at.set(c, i);
    texts.push(c.text);
    spans.push(c.row, c.col, c.rowspan, c.colspan);
  }
  const lengths: number[] = [];
  const slots: number[] = [];
  for (const row of grid.slots) {
    lengths.push(row.length);
    for (let c = 0; c < row.length; c++) {
      const s = row[c];
      slots.push(s ? (at.get(s) ?? -1) : -1);
    }
  }
  return {
    texts,
    spans,
    lengths,
    slots,
    width: grid.width,
    ownCells: grid.ownCells,
    truncated: grid.truncated,
  };
}

const KIND_LETTER = { text: 't', table: 'g', image: 'i' } as const;

/** A web page's blocks as plain data (only for a page read to its end: `src.cut` unset, `src.kind` 'html'). */
export function toPortable(src: SourceDoc): PortableSource {
  let kinds = '';
  const texts: string[] = [];
  const tags: string[] = [];
  const crumbs: PortableSource['crumbs'] = [];
  const grids: PortableGrid[] = [];
  for (const [i, b] of src.blocks.entries()) {
    if (b.index !== i) throw new Error(`block ${i} is numbered ${b.index}`);
    kinds += KIND_LETTER[b.kind];
    texts.push(b.kind === 'image' ? b.alt : b.text);
    tags.push(b.kind === 'text' && b.el ? tagOf(b.el) : '');
    if (b.kind === 'table') grids.push(portableGrid(b.grid));
    const around = b.kind === 'text' && i < CRUMB_BLOCKS ? aroundOf(b) : undefined;
    if (around) crumbs.push([i, around]);
  }
  return { docTitle: src.docTitle, meta: src.meta, url: src.url, kinds, texts, tags, crumbs, grids };
}

/**
 * What extraction reads of an element, standing in for one of the page's: an element node with a tag, and
 * for a breadcrumb's label line the links of it and its parents. `ref` says which of the page's elements it
 * stands for.
 */
class StandIn {
  readonly nodeType = 1;
  constructor(
    readonly tagName: string,
    readonly ref: { block: number; cell: number },
    private readonly around: string[][] = [],
    private readonly level = 0,
  ) {}
  get parentElement(): StandIn | null {
    return this.level + 1 < this.around.length
      ? new StandIn('DIV', this.ref, this.around, this.level + 1)
      : null;
  }
  querySelectorAll(selector: string): Array<{ textContent: string }> {
    if (selector !== 'a') return [];
    return (this.around[this.level] ?? []).map((textContent) => ({ textContent }));
  }
}

/** Cast once, here: extraction takes the stand-in for the page's element it names. */
const asElement = (s: StandIn): Element => s as unknown as Element;

function fail(what: string): never {
  throw new Error(`portable page: ${what}`);
}

function gridFrom(g: PortableGrid, block: number): Grid {
  if (g.spans.length !== g.texts.length * 4) fail(`table ${block}: spans do not match its cells`);
  const cells: GridCell[] = g.texts.map((text, i) => ({
    el: asElement(new StandIn('TD', { block, cell: i })),
    text,
    row: g.spans[i * 4] as number,
    col: g.spans[i * 4 + 1] as number,
    rowspan: g.spans[i * 4 + 2] as number,
    colspan: g.spans[i * 4 + 3] as number,
  }));
  const slots: (GridCell | undefined)[][] = [];
  let k = 0;
  for (const len of g.lengths) {
    const row: (GridCell | undefined)[] = new Array(len);
    for (let c = 0; c < len; c++, k++) {
      const i = g.slots[k];
      if (i === undefined || i >= cells.length) fail(`table ${block}: a slot without its cell`);
      if (i >= 0) row[c] = cells[i];
    }
    slots.push(row);
  }
  if (k !== g.slots.length) fail(`table ${block}: slots do not match its rows`);
  return { cells, slots, width: g.width, ownCells: g.ownCells, truncated: g.truncated };
}

/** A SourceDoc for extraction from a portable page: stand-ins where the page has its elements. */
export function fromPortable(p: PortableSource): SourceDoc {
  const n = p.kinds.length;
  if (p.texts.length !== n || p.tags.length !== n) fail('blocks without their text or tag');
  const around = new Map(p.crumbs);
  const blocks: Block[] = [];
  let grids = 0;
  for (let index = 0; index < n; index++) {
    const kind = p.kinds[index];
    const text = p.texts[index] as string;
    const self = { block: index, cell: -1 };
    if (kind === 't') {
      const tag = p.tags[index] as string;
      const el = tag ? asElement(new StandIn(tag.toUpperCase(), self, around.get(index))) : null;
      blocks.push({ kind: 'text', index, text, tokens: [text], el, segments: [], offset: 0 });
    } else if (kind === 'i') {
      blocks.push({ kind: 'image', index, el: asElement(new StandIn('IMG', self)), alt: text });
    } else if (kind === 'g') {
      const g = p.grids[grids++] ?? fail(`table ${index} without its grid`);
      const table: TableBlock = {
        kind: 'table',
        index,
        el: asElement(new StandIn('TABLE', self)),
        grid: gridFrom(g, index),
        text,
      };
      blocks.push(table);
    } else fail(`block ${index} of no kind`);
  }
  if (grids !== p.grids.length) fail('grids without their tables');
  return { kind: 'html', blocks, docTitle: p.docTitle, meta: p.meta, url: p.url, doc: null };
}

/** The extraction's page references as plain data (of an extraction from `fromPortable`). */
export function portableExtraction(ex: Extracted): PortableExtraction {
  const cells: CellRef[] = [];
  for (const [key, el] of ex.cellEls) {
    const ref = (el as unknown as StandIn).ref;
    if (ref) cells.push([key, ref.block, ref.cell]);
  }
  const tokens: PortableExtraction['tokens'] = [...ex.cellTokens].map(([k, t]) => [k, t.block, t.token]);
  return { text: ex.text, cells, tokens, ...(ex.stopped ? { stopped: ex.stopped } : {}) };
}

/** The page's Extracted for a report extracted elsewhere from `toPortable(src)`: its elements put back. */
export function withElements(src: SourceDoc, report: Report, part: PortableExtraction): Extracted {
  const tables: Partial<Record<TableKind, Table>> = {};
  for (const t of report.tables) tables[t.kind] = t;
  const cellEls = new Map<string, Element>();
  for (const [key, block, cell] of part.cells) {
    const b = src.blocks[block];
    const el = cell < 0 ? b?.el : b?.kind === 'table' ? b.grid.cells[cell]?.el : undefined;
    if (el) cellEls.set(key, el);
  }
  return {
    report,
    text: part.text,
    tables,
    sections: report.sections,
    blocks: src.blocks,
    cellEls,
    cellTokens: new Map(part.tokens.map(([k, block, token]) => [k, { block, token }])),
    ...(part.stopped ? { stopped: part.stopped } : {}),
  };
}

/**
 * Close-ups of findings in a PDF, cut from the page pictures the viewer drew (the pixels are there: no
 * screenshot, no permission, nothing of the overlay's own UI in them). Each image is the table's header
 * lines down to the row at fault (shot-region.ts), the marks of its findings drawn on it as on the page (the
 * cell at fault outlined in two tones with its number, the cells involved dashed, a text finding's line
 * underlined), and the caption strip under it (lib/evidence/caption.ts laid out, drawn by the same code as
 * on web pages). The plain copy is the same crop without marks or caption.
 */
import type { CaptionLine } from '@/lib/evidence/caption';
import { type FindingPlace, groupCloseUps, type Rect } from '@/lib/evidence/geometry';
import type { Extracted } from '@/lib/extract/index';
import type { Finding, Locator, Severity } from '@/lib/model/schema';
import { canvasToDataUrl, withCaption } from '../background/caption-draw';
import { cellPlace, cropOf, type Line, pageTop, sameLine, textPlace } from './shot-region';

export interface PdfShot {
  ids: string[];
  annotated: string;
  plain: string;
  /** the crop on its page, CSS pixels of the drawn page */
  region: Rect;
  header?: Rect;
  when: Date;
}

const COLOR: Record<Severity, string> = { error: '#d93025', warning: '#e37400', info: '#1a73e8' };
/** Close-ups of one table share an image while they fit in this height (CSS pixels). */
const GROUP_HEIGHT = 760;
const TABLE_NO: Record<string, number> = { t1: 1, t2: 2, t3: 3 };

function boxIn(page: HTMLElement, el: Element): Rect {
  const p = page.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  return { left: r.left - p.left, top: r.top - p.top, width: r.width, height: r.height };
}

interface PageOf {
  el: HTMLElement;
  canvas: HTMLCanvasElement;
  n: number;
}

function pageOf(el: Element | null | undefined): PageOf | null {
  const page = el?.closest<HTMLElement>('.pdf-page');
  const canvas = page?.querySelector('canvas');
  return page && canvas ? { el: page, canvas, n: Number(page.dataset.page) || 1 } : null;
}

/** The anchor element of a locator in the drawn PDF (a value's box, a text line's box). */
function anchorOf(ex: Extracted, loc: Locator | undefined): Element | null {
  if (loc?.type === 'cell') return ex.cellEls.get(loc.key) ?? null;
  if (loc?.type === 'text') return ex.blocks[loc.block]?.el ?? null;
  if (loc?.type === 'section' && loc.block !== null) return ex.blocks[loc.block]?.el ?? null;
  return null;
}

function placeOf(ex: Extracted, f: Finding): { place: FindingPlace; page: PageOf | null } {
  const first = f.targets[0];
  const el = anchorOf(ex, first);
  const page = pageOf(el);
  if (!el || !page) return { place: { id: f.id, table: null, header: null, target: null }, page: null };
  const lines = Array.from(page.el.querySelectorAll('.pdf-anchor.line')).map((l) => boxIn(page.el, l));
  if (first?.type === 'cell') {
    const prefix = `${first.key.split(':')[0]}:`;
    const values = Array.from(page.el.querySelectorAll<HTMLElement>('.pdf-anchor[data-cell]'));
    const mine = (a: HTMLElement) => a.dataset.cell?.startsWith(prefix) ?? false;
    const table = values.filter(mine).map((a) => boxIn(page.el, a));
    const others = values.filter((a) => !mine(a)).map((a) => boxIn(page.el, a));
    const headings = new Set(ex.sections.map((sec) => ex.blocks[sec.block]?.el).filter((x) => !!x));
    const marked = Array.from(page.el.querySelectorAll('.pdf-anchor.line')).map((l, i): Line => {
      const r = lines[i] as Rect;
      const stop = headings.has(l) ? 'heading' : others.some((o) => sameLine(o, r)) ? 'other' : undefined;
      return stop ? { ...r, stop } : r;
    });
    const at = cellPlace(boxIn(page.el, el), table, marked);
    // one table on one page: findings of the same table there may share an image
    return { place: { id: f.id, table: page.n * 10 + (TABLE_NO[first.table] ?? 0), ...at }, page };
  }
  return { place: { id: f.id, table: null, ...textPlace(boxIn(page.el, el), lines) }, page };
}

function strokeBox(
  ctx: OffscreenCanvasRenderingContext2D,
  r: Rect,
  color: string,
  s: number,
  dashed: boolean,
) {
  ctx.save();
  if (dashed) {
    ctx.setLineDash([4 * s, 3 * s]);
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.5 * s;
    ctx.strokeRect(r.left - 2 * s, r.top - 2 * s, r.width + 4 * s, r.height + 4 * s);
  } else {
    // two tones: white under the colour, readable on any background
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 4 * s;
    ctx.strokeRect(r.left - 3 * s, r.top - 3 * s, r.width + 6 * s, r.height + 6 * s);
    ctx.strokeStyle = color;
    ctx.lineWidth = 2 * s;
    ctx.strokeRect(r.left - 3 * s, r.top - 3 * s, r.width + 6 * s, r.height + 6 * s);
  }
  ctx.restore();
}

function badge(
  ctx: OffscreenCanvasRenderingContext2D,
  x: number,
  y: number,
  n: number,
  color: string,
  s: number,
) {
  const r = 9 * s;
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = 1.5 * s;
  ctx.strokeStyle = '#ffffff';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 ${11 * s}px system-ui, "Noto Sans CJK SC", sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(String(n), x, y + 0.5 * s);
  ctx.restore();
}

/** The marks of these findings on a crop (`crop` in page CSS pixels, `s` canvas pixels per CSS pixel). */
function drawMarks(
  ctx: OffscreenCanvasRenderingContext2D,
  ex: Extracted,
  page: PageOf,
  crop: Rect,
  s: number,
  findings: Array<{ f: Finding; n: number }>,
) {
  const local = (r: Rect): Rect => ({
    left: (r.left - crop.left) * s,
    top: (r.top - crop.top) * s,
    width: r.width * s,
    height: r.height * s,
  });
  for (const { f, n } of findings) {
    const color = COLOR[f.severity];
    f.targets.forEach((loc, i) => {
      const el = anchorOf(ex, loc);
      if (!el || pageOf(el)?.el !== page.el) return;
      const r = local(boxIn(page.el, el));
      if (loc.type === 'text' || loc.type === 'section') {
        ctx.fillStyle = color;
        ctx.fillRect(r.left, r.top + r.height, r.width, 2 * s);
      } else strokeBox(ctx, r, color, s, i > 0);
      if (i === 0) badge(ctx, r.left + r.width + 3 * s, r.top - 3 * s, n, color, s);
    });
  }
}

/** One image per finding (or per group of findings of one table that fit together), with its caption. */
export async function pdfCloseUps(
  ex: Extracted,
  container: HTMLElement,
  findings: readonly Finding[],
  numbers: ReadonlyMap<string, number>,
  caption: (ids: string[], when: Date) => CaptionLine[],
): Promise<PdfShot[]> {
  const first = pageOf(container.querySelector('.pdf-page canvas'));
  if (!first) throw new Error('没有可截取的 PDF 页面 / no drawn PDF page');
  const pages = new Map<string, PageOf>();
  const places: FindingPlace[] = [];
  for (const f of findings) {
    const { place, page } = placeOf(ex, f);
    places.push(place);
    pages.set(f.id, page ?? first);
  }
  const byId = new Map(findings.map((f) => [f.id, f]));
  const out: PdfShot[] = [];
  for (const g of groupCloseUps(places, GROUP_HEIGHT)) {
    const page = pages.get(g.ids[0] ?? '') ?? first;
    const size = { width: page.el.clientWidth || page.canvas.clientWidth, height: page.el.clientHeight };
    const crop = cropOf(g.rect ?? pageTop(size), size, 0);
    const s = page.canvas.width / Math.max(1, size.width);
    const w = Math.max(1, Math.round(crop.width * s));
    const h = Math.max(1, Math.round(crop.height * s));
    const cut = () => {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext('2d');
      if (!ctx) throw new Error('canvas');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(page.canvas, Math.round(crop.left * s), Math.round(crop.top * s), w, h, 0, 0, w, h);
      return { c, ctx };
    };
    const plain = cut();
    const marked = cut();
    const shown = g.ids.flatMap((id, i) => {
      const f = byId.get(id);
      return f ? [{ f, n: numbers.get(id) ?? i + 1 }] : [];
    });
    drawMarks(marked.ctx, ex, page, crop, s, shown);
    const when = new Date();
    out.push({
      ids: g.ids,
      annotated: await canvasToDataUrl(withCaption(marked.c, caption(g.ids, when), s)),
      plain: await canvasToDataUrl(plain.c),
      region: crop,
      ...(g.header ? { header: g.header } : {}),
      when,
    });
  }
  return out;
}

/**
 * What OCR read, drawn over the pictures it read (inside the overlay's layer, so in its shadow root): a
 * progress label 「正在识别图片表格…」 while pictures are read; then per picture a toggle (one click) that
 * shows every value read at its box, low-confidence ones in amber, and, always, a box on each value a
 * finding is about. Clicking such a box shows the crop of the picture next to the value read, so the
 * inspector sees at a glance whether the reading is right. Text is set as text, never as HTML.
 */
import type { AuditOutput } from '../audit';
import type { Cell, Finding } from '../model/schema';

export interface OcrLayerStrings {
  progress: string;
  show: string;
  hide: string;
  /** "识别为 $1" */
  readAs: (value: string) => string;
}

const CSS = `
.ocr-progress { position: fixed; pointer-events: none; padding: 4px 10px; border-radius: 4px; background: #1a73e8; color: #fff;
  font: 600 13px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
.ocr-toggle { position: fixed; pointer-events: auto; cursor: pointer; padding: 2px 8px; border-radius: 4px; border: 1px solid #1a73e8;
  background: #fff; color: #1a73e8; font: 12px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; }
.ocr-toggle[aria-pressed="true"] { background: #1a73e8; color: #fff; }
.ocr-value { position: fixed; pointer-events: none; box-sizing: border-box; display: flex; align-items: center; justify-content: center;
  background: rgba(232,240,254,.92); color: #174ea6; border: 1px solid #8ab4f8; font: 600 12px/1 ui-monospace, monospace; overflow: hidden; }
.ocr-value.low { background: rgba(254,239,195,.95); color: #8a4b00; border-color: #f9ab00; }
.ocr-fault { position: fixed; pointer-events: auto; cursor: pointer; box-sizing: border-box; border: 2px solid #e37400;
  box-shadow: 0 0 0 2px #fff; background: rgba(249,171,0,.12); }
.ocr-crop { position: fixed; pointer-events: auto; display: flex; gap: 8px; align-items: center; padding: 6px 8px; background: #fff;
  border: 1px solid #dadce0; border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.25); font: 13px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; }
.ocr-crop img, .ocr-card-crop img { image-rendering: pixelated; border: 1px solid #dadce0; max-width: 240px; }
.ocr-card-crop { display: flex; gap: 8px; align-items: center; margin-top: 6px; font-size: 12px; }
`;

interface Placed {
  el: HTMLElement;
  img: Element;
  box: { x0: number; y0: number; x1: number; y1: number } | null;
  /** Where the element goes beside the picture when it has no box: its top-right corner. */
  corner?: boolean;
  above?: boolean;
}

/** The value cells read from a picture, with the picture's element and natural size. */
function ocrCells(out: AuditOutput): Array<{ cell: Cell; img: Element }> {
  const res: Array<{ cell: Cell; img: Element }> = [];
  for (const t of out.report.tables)
    for (const row of t.rows)
      for (const cell of row.cells) {
        const b = cell.ocr ? out.extracted.blocks[cell.ocr.image] : undefined;
        if (cell.ocr && b?.kind === 'image' && b.el.isConnected) res.push({ cell, img: b.el });
      }
  return res;
}

export class OcrLayer {
  private readonly root: HTMLElement;
  private placed: Placed[] = [];
  private crop: HTMLElement | null = null;
  private valuesShown = false;
  private frame = 0;
  private readonly onMove = () => this.schedule();

  constructor(
    private readonly doc: Document,
    host: HTMLElement,
    private readonly strings: OcrLayerStrings,
  ) {
    this.root = doc.createElement('div');
    this.root.className = 'ocr-layer';
    const style = doc.createElement('style');
    style.textContent = CSS;
    this.root.append(style);
    host.append(this.root);
    const win = doc.defaultView;
    win?.addEventListener('scroll', this.onMove, { capture: true, passive: true });
    win?.addEventListener('resize', this.onMove, { passive: true });
  }

  destroy(): void {
    const win = this.doc.defaultView;
    win?.removeEventListener('scroll', this.onMove, { capture: true });
    win?.removeEventListener('resize', this.onMove);
    if (this.frame) win?.cancelAnimationFrame(this.frame);
    this.root.remove();
  }

  private clear(): void {
    for (const p of this.placed) p.el.remove();
    this.placed = [];
    this.crop?.remove();
    this.crop = null;
  }

  /** The progress label above each picture being read. */
  progress(pictures: Element[]): void {
    this.clear();
    for (const img of pictures) {
      const el = this.doc.createElement('div');
      el.className = 'ocr-progress';
      el.setAttribute('role', 'status');
      el.textContent = this.strings.progress;
      this.root.append(el);
      this.placed.push({ el, img, box: null, above: true });
    }
    this.layout();
  }

  /** The values read over their pictures (behind a toggle) and a box on each value a finding is about. */
  show(out: AuditOutput, shown: Finding[]): void {
    this.clear();
    const cells = ocrCells(out);
    const pictures = [...new Set(cells.map((c) => c.img))];
    const values: HTMLElement[] = [];
    const labels: Array<() => void> = [];
    for (const img of pictures) {
      const toggle = this.doc.createElement('button');
      toggle.type = 'button';
      toggle.className = 'ocr-toggle';
      toggle.setAttribute('data-ocr-toggle', '');
      const label = () => {
        toggle.textContent = this.valuesShown ? this.strings.hide : this.strings.show;
        toggle.setAttribute('aria-pressed', String(this.valuesShown));
      };
      label();
      labels.push(label);
      toggle.addEventListener('click', (e) => {
        e.stopPropagation();
        this.valuesShown = !this.valuesShown;
        for (const v of values) v.hidden = !this.valuesShown;
        for (const l of labels) l();
        this.layout();
      });
      this.root.append(toggle);
      this.placed.push({ el: toggle, img, box: null, corner: true });
    }
    for (const { cell, img } of cells) {
      if (cell.kind === 'blank' && !cell.raw) continue;
      const el = this.doc.createElement('div');
      el.className = `ocr-value${cell.ocr?.low ? ' low' : ''}`;
      el.setAttribute('data-ocr-value', cell.key);
      el.textContent = cell.raw;
      el.hidden = !this.valuesShown;
      values.push(el);
      this.root.append(el);
      this.placed.push({ el, img, box: cell.ocr?.box ?? null });
    }
    // the value a warning or error is about, marked on the picture itself
    const byKey = new Map(cells.map((c) => [c.cell.key, c]));
    for (const f of shown) {
      if (f.severity === 'info') continue; // notes (cells that cannot be summed) are no fault
      const t = f.targets[0];
      const hit = t?.type === 'cell' ? byKey.get(t.key) : undefined;
      if (!hit?.cell.ocr) continue;
      const el = this.doc.createElement('div');
      el.className = 'ocr-fault';
      el.setAttribute('data-ocr-fault', f.id);
      el.setAttribute('data-finding-id', f.id);
      el.setAttribute('data-severity', f.severity);
      el.title = this.strings.readAs(hit.cell.raw);
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        this.showCrop(hit.img, hit.cell, el);
      });
      this.root.append(el);
      this.placed.push({ el, img: hit.img, box: hit.cell.ocr.box });
    }
    this.layout();
  }

  /** The crop of the picture at the value's box beside the value read (a small data URL). */
  private showCrop(img: Element, cell: Cell, near: HTMLElement): void {
    this.crop?.remove();
    const box = cropBox(this.doc, img, cell, this.strings.readAs);
    box.className = 'ocr-crop';
    box.addEventListener('click', () => {
      box.remove();
      this.crop = null;
    });
    const r = near.getBoundingClientRect();
    box.style.left = `${Math.max(4, r.left)}px`;
    box.style.top = `${r.bottom + 6}px`;
    this.root.append(box);
    this.crop = box;
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (this.frame || !win) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.layout();
    });
  }

  layout(): void {
    for (const p of this.placed) {
      const r = p.img.getBoundingClientRect();
      const nat = naturalSize(p.img);
      if (p.above) {
        p.el.style.left = `${r.left + 4}px`;
        p.el.style.top = `${Math.max(2, r.top + 4)}px`;
        continue;
      }
      if (p.corner) {
        p.el.style.left = `${Math.max(2, r.right - 120)}px`;
        p.el.style.top = `${Math.max(2, r.top - 26)}px`;
        continue;
      }
      if (!p.box || !nat) continue;
      const sx = r.width / nat.width;
      const sy = r.height / nat.height;
      p.el.style.left = `${r.left + p.box.x0 * sx}px`;
      p.el.style.top = `${r.top + p.box.y0 * sy}px`;
      p.el.style.width = `${Math.max(6, (p.box.x1 - p.box.x0) * sx)}px`;
      p.el.style.height = `${Math.max(6, (p.box.y1 - p.box.y0) * sy)}px`;
    }
  }
}

function naturalSize(img: Element): { width: number; height: number } | null {
  const i = img as HTMLImageElement;
  return i.naturalWidth > 0 && i.naturalHeight > 0
    ? { width: i.naturalWidth, height: i.naturalHeight }
    : null;
}

/** The picture cut at a value's box, enlarged twice, as a PNG data URL; null when the picture will not draw. */
export function cropOf(doc: Document, img: Element, cell: Cell): string | null {
  const b = cell.ocr?.box;
  if (!b || !naturalSize(img)) return null;
  try {
    const w = Math.max(1, Math.round(b.x1 - b.x0));
    const h = Math.max(1, Math.round(b.y1 - b.y0));
    const c = doc.createElement('canvas');
    c.width = w * 2;
    c.height = h * 2;
    const g = c.getContext('2d');
    if (!g) return null;
    g.drawImage(img as HTMLImageElement, b.x0, b.y0, w, h, 0, 0, w * 2, h * 2);
    return c.toDataURL('image/png');
  } catch {
    return null; // a picture from another site taints the canvas: no crop, the value is still shown
  }
}

/** The crop beside the value read: an element holding the crop (when the picture draws) and 「识别为 …」. */
function cropBox(doc: Document, img: Element, cell: Cell, readAs: (v: string) => string): HTMLElement {
  const box = doc.createElement('div');
  box.setAttribute('data-ocr-crop', cell.key);
  const url = cropOf(doc, img, cell);
  if (url) {
    const pic = doc.createElement('img');
    pic.src = url;
    pic.alt = '';
    box.append(pic);
  }
  const text = doc.createElement('span');
  text.textContent = readAs(cell.raw);
  box.append(text);
  return box;
}

/**
 * For a finding's card: when the value it is about was read from a picture, the crop of the picture there
 * beside the value read; null otherwise.
 */
export function cardCrop(
  doc: Document,
  out: AuditOutput,
  f: Finding,
  readAs: (v: string) => string,
): HTMLElement | null {
  const t = f.targets[0];
  if (t?.type !== 'cell') return null;
  const hit = ocrCells(out).find((c) => c.cell.key === t.key);
  if (!hit) return null;
  const box = cropBox(doc, hit.img, hit.cell, readAs);
  box.className = 'ocr-card-crop';
  return box;
}

/**
 * Marking up an evidence image before it goes into the issue list (entrypoints/markup/): boxes, arrows, text
 * notes and blurs (pixelation over personal data), with undo. Pure: the shapes, drawing them on any 2D
 * context, and the pixelation over raw RGBA pixels, so tests run them without a browser.
 */

export type Tool = 'box' | 'arrow' | 'text' | 'blur';

export interface Point {
  x: number;
  y: number;
}

export type Shape =
  | { kind: 'box'; from: Point; to: Point }
  | { kind: 'arrow'; from: Point; to: Point }
  | { kind: 'blur'; from: Point; to: Point }
  | { kind: 'text'; at: Point; text: string };

export const MARK_COLOUR = '#d93025';
/** Pixel block size of a blur: large enough that text under it cannot be read. */
export const BLUR_BLOCK = 12;

/** The rectangle two corners span, with whole pixel edges. */
export function spanned(a: Point, b: Point): { x: number; y: number; w: number; h: number } {
  const x = Math.floor(Math.min(a.x, b.x));
  const y = Math.floor(Math.min(a.y, b.y));
  return { x, y, w: Math.ceil(Math.max(a.x, b.x)) - x, h: Math.ceil(Math.max(a.y, b.y)) - y };
}

/** Too small to mean anything (a click without a drag): not kept. */
export function isEmpty(s: Shape): boolean {
  if (s.kind === 'text') return s.text.trim() === '';
  return Math.abs(s.to.x - s.from.x) < 3 && Math.abs(s.to.y - s.from.y) < 3;
}

/**
 * Pixelate the rectangle of an RGBA buffer in place: every block takes its average colour. The rectangle is
 * cut to the image. Returns how many pixels changed value range (for tests: 0 means nothing was covered).
 */
export function pixelate(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  r: { x: number; y: number; w: number; h: number },
  block = BLUR_BLOCK,
): number {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const x1 = Math.min(width, Math.ceil(r.x + r.w));
  const y1 = Math.min(height, Math.ceil(r.y + r.h));
  let covered = 0;
  for (let by = y0; by < y1; by += block) {
    for (let bx = x0; bx < x1; bx += block) {
      const ex = Math.min(x1, bx + block);
      const ey = Math.min(y1, by + block);
      const sum = [0, 0, 0, 0];
      let n = 0;
      for (let y = by; y < ey; y++)
        for (let x = bx; x < ex; x++) {
          const i = (y * width + x) * 4;
          for (let k = 0; k < 4; k++) sum[k] = (sum[k] ?? 0) + (data[i + k] ?? 0);
          n++;
        }
      if (n === 0) continue;
      for (let y = by; y < ey; y++)
        for (let x = bx; x < ex; x++) {
          const i = (y * width + x) * 4;
          for (let k = 0; k < 4; k++) data[i + k] = Math.round((sum[k] ?? 0) / n);
        }
      covered += n;
    }
  }
  return covered;
}

/** The two back corners of an arrow's head at `to`, coming from `from`. */
export function arrowHead(from: Point, to: Point, length: number): [Point, Point] {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const spread = Math.PI / 7;
  return [
    { x: to.x - length * Math.cos(angle - spread), y: to.y - length * Math.sin(angle - spread) },
    { x: to.x - length * Math.cos(angle + spread), y: to.y - length * Math.sin(angle + spread) },
  ];
}

/** The part of CanvasRenderingContext2D the drawing uses. */
export interface Ctx2D {
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textBaseline: CanvasTextBaseline;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  stroke(): void;
  fill(): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  getImageData(x: number, y: number, w: number, h: number): ImageData;
  putImageData(data: ImageData, x: number, y: number): void;
}

/** Draw one shape; `scale` is image pixels per CSS pixel (line widths and fonts follow it). */
export function drawShape(ctx: Ctx2D, s: Shape, scale = 1): void {
  const lw = Math.max(2, Math.round(3 * scale));
  ctx.strokeStyle = MARK_COLOUR;
  ctx.fillStyle = MARK_COLOUR;
  ctx.lineWidth = lw;
  if (s.kind === 'box') {
    const r = spanned(s.from, s.to);
    ctx.strokeRect(r.x, r.y, r.w, r.h);
  } else if (s.kind === 'arrow') {
    ctx.beginPath();
    ctx.moveTo(s.from.x, s.from.y);
    ctx.lineTo(s.to.x, s.to.y);
    ctx.stroke();
    const [a, b] = arrowHead(s.from, s.to, 6 * lw);
    ctx.beginPath();
    ctx.moveTo(s.to.x, s.to.y);
    ctx.lineTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.closePath();
    ctx.fill();
  } else if (s.kind === 'blur') {
    const r = spanned(s.from, s.to);
    if (r.w <= 0 || r.h <= 0) return;
    const img = ctx.getImageData(r.x, r.y, r.w, r.h);
    pixelate(img.data, r.w, r.h, { x: 0, y: 0, w: r.w, h: r.h }, Math.round(BLUR_BLOCK * scale));
    ctx.putImageData(img, r.x, r.y);
  } else {
    const size = Math.round(16 * scale);
    ctx.font = `600 ${size}px system-ui, "Noto Sans CJK SC", sans-serif`;
    ctx.textBaseline = 'top';
    const w = ctx.measureText(s.text).width;
    const p = Math.round(4 * scale);
    ctx.fillStyle = 'rgba(255,255,255,0.92)';
    ctx.fillRect(s.at.x - p, s.at.y - p, w + 2 * p, size + 2 * p);
    ctx.strokeRect(s.at.x - p, s.at.y - p, w + 2 * p, size + 2 * p);
    ctx.fillStyle = MARK_COLOUR;
    ctx.fillText(s.text, s.at.x, s.at.y);
  }
}

/** Blurs first (they cover the image), then boxes, arrows and notes on top. */
export function drawAll(ctx: Ctx2D, shapes: readonly Shape[], scale = 1): void {
  for (const s of shapes) if (s.kind === 'blur') drawShape(ctx, s, scale);
  for (const s of shapes) if (s.kind !== 'blur') drawShape(ctx, s, scale);
}

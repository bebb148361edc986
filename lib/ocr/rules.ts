/**
 * The drawn rules (cell borders) of a table picture: long thin runs of dark pixels, horizontal and
 * vertical, found on a greyscale image. They give exact placement (every word falls in the cell its rules
 * enclose, merged cells included) and are erased before OCR, since a border next to a digit is read as "1"
 * or "|". Pure TypeScript over a byte array: runs in Node, a worker or the page.
 */
import type { Box } from './types';

/** A greyscale picture: one byte per pixel, 0 black … 255 white, row by row. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A horizontal (at y, from x0 to x1) or vertical (at x, from y0 to y1) rule. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
  /** Thickness in pixels. */
  t: number;
}
export interface VRule {
  x: number;
  y0: number;
  y1: number;
  t: number;
}

export interface Rules {
  h: HRule[];
  v: VRule[];
}

/** RGBA (canvas ImageData) to grey. */
export function toGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    const a = (rgba[i + 3] ?? 255) / 255;
    const lum = 0.299 * (rgba[i] ?? 0) + 0.587 * (rgba[i + 1] ?? 0) + 0.114 * (rgba[i + 2] ?? 0);
    data[j] = Math.round(lum * a + 255 * (1 - a));
  }
  return { width, height, data };
}

/** Otsu's threshold: the grey level that best splits ink from paper (grey scans included). */
export function otsu(img: GreyImage): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v] = (hist[v] ?? 0) + 1;
  const total = img.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (hist[i] ?? 0);
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let bestT = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t] ?? 0;
    if (wB === 0) continue;
    const wF = total - wB;
    if (wF === 0) break;
    sumB += t * (hist[t] ?? 0);
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      bestT = t;
    }
  }
  return bestT;
}

/** Ink mask: 1 where the pixel is darker than the threshold. */
export function inkMask(img: GreyImage, threshold = otsu(img)): Uint8Array {
  const m = new Uint8Array(img.data.length);
  for (let i = 0; i < m.length; i++) m[i] = (img.data[i] as number) <= threshold ? 1 : 0;
  return m;
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink along one line of pixels, bridging gaps of up to `gap` pixels (anti-aliasing, noise). */
function runsAlong(get: (i: number) => number, n: number, minLen: number, gap: number, at: number): Run[] {
  const out: Run[] = [];
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i <= n; i++) {
    const ink = i < n && get(i) === 1;
    if (ink) {
      if (start < 0) start = i;
      lastInk = i;
    } else if (start >= 0 && (i - lastInk > gap || i === n)) {
      if (lastInk - start + 1 >= minLen) out.push({ at, from: start, to: lastInk });
      start = -1;
    }
  }
  return out;
}

/** Runs on neighbouring lines that overlap merge into one rule (a border 1–4 px thick). */
function mergeRuns(
  runs: Run[],
  maxThick: number,
): Array<{ at: number; from: number; to: number; t: number }> {
  const groups: Array<{ first: number; last: number; from: number; to: number }> = [];
  const sorted = [...runs].sort((a, b) => a.at - b.at || a.from - b.from);
  for (const r of sorted) {
    const g = groups.find(
      (x) => r.at - x.last <= 1 && r.at - x.first < maxThick + 2 && r.from <= x.to && r.to >= x.from,
    );
    if (g) {
      g.last = r.at;
      g.from = Math.min(g.from, r.from);
      g.to = Math.max(g.to, r.to);
    } else groups.push({ first: r.at, last: r.at, from: r.from, to: r.to });
  }
  return groups
    .filter((g) => g.last - g.first + 1 <= maxThick + 1)
    .map((g) => ({ at: (g.first + g.last) / 2, from: g.from, to: g.to, t: g.last - g.first + 1 }));
}

export interface RuleOptions {
  /** Shortest horizontal rule in pixels (default: 6% of the width, at least 40). */
  minH?: number;
  /** Shortest vertical rule (default: 2.2% of the height, at least 18: taller than a glyph's stroke). */
  minV?: number;
}

/** The drawn rules of a table picture. */
export function findRules(img: GreyImage, o: RuleOptions = {}, mask = inkMask(img)): Rules {
  const { width: w, height: h } = img;
  const minH = o.minH ?? Math.max(40, Math.round(w * 0.06));
  const minV = o.minV ?? Math.max(18, Math.round(h * 0.022));
  const hr: Run[] = [];
  for (let y = 0; y < h; y++) hr.push(...runsAlong((x) => mask[y * w + x] as number, w, minH, 2, y));
  const vr: Run[] = [];
  for (let x = 0; x < w; x++) vr.push(...runsAlong((y) => mask[y * w + x] as number, h, minV, 2, x));
  // a bold glyph stroke can be a long run too, but it is never both long and thin over many rows
  const H = mergeRuns(hr, 5).map((g) => ({ y: g.at, x0: g.from, x1: g.to, t: g.t }));
  const V = mergeRuns(vr, 5).map((g) => ({ x: g.at, y0: g.from, y1: g.to, t: g.t }));
  // a table's rules meet: each end of a border touches a border across it (glyph strokes bridged into a
  // long run do not); the picture's edge counts as a border
  const near = 4;
  const hitsV = (x: number, y: number) =>
    x <= near ||
    x >= w - 1 - near ||
    V.some((v) => Math.abs(v.x - x) <= near && v.y0 - near <= y && v.y1 + near >= y);
  const hitsH = (x: number, y: number) =>
    y <= near ||
    y >= h - 1 - near ||
    H.some((r) => Math.abs(r.y - y) <= near && r.x0 - near <= x && r.x1 + near >= x);
  return {
    h: H.filter((r) => hitsV(r.x0, r.y) && hitsV(r.x1, r.y)),
    v: V.filter((r) => hitsH(r.x, r.y0) && hitsH(r.x, r.y1)),
  };
}

/** A copy of the picture with the rules painted white (OCR reads a border beside a digit as "1"). */
export function eraseRules(img: GreyImage, rules: Rules): GreyImage {
  const data = new Uint8Array(img.data);
  const { width: w, height: h } = img;
  for (const r of rules.h) {
    const y0 = Math.max(0, Math.floor(r.y - r.t / 2 - 1));
    const y1 = Math.min(h - 1, Math.ceil(r.y + r.t / 2 + 1));
    for (let y = y0; y <= y1; y++)
      data.fill(255, y * w + Math.max(0, r.x0 - 1), y * w + Math.min(w, r.x1 + 2));
  }
  for (const r of rules.v) {
    const x0 = Math.max(0, Math.floor(r.x - r.t / 2 - 1));
    const x1 = Math.min(w - 1, Math.ceil(r.x + r.t / 2 + 1));
    for (let y = Math.max(0, r.y0 - 1); y <= Math.min(h - 1, r.y1 + 1); y++)
      for (let x = x0; x <= x1; x++) data[y * w + x] = 255;
  }
  return { width: w, height: h, data };
}

/**
 * The cell around a point: bounded by the nearest rules on each side that pass beside it (merged cells
 * have no rule inside them, so the box spans the merge). Null when the point is not enclosed.
 */
export function cellAround(rules: Rules, x: number, y: number, slack = 3): Box | null {
  let left = -Infinity;
  let right = Infinity;
  let top = -Infinity;
  let bottom = Infinity;
  for (const v of rules.v) {
    if (v.y0 - slack > y || v.y1 + slack < y) continue;
    if (v.x <= x && v.x > left) left = v.x;
    if (v.x > x && v.x < right) right = v.x;
  }
  for (const r of rules.h) {
    if (r.x0 - slack > x || r.x1 + slack < x) continue;
    if (r.y <= y && r.y > top) top = r.y;
    if (r.y > y && r.y < bottom) bottom = r.y;
  }
  if (!Number.isFinite(left) || !Number.isFinite(right) || !Number.isFinite(top) || !Number.isFinite(bottom))
    return null;
  return { x0: left, y0: top, x1: right, y1: bottom };
}

/** Dark pixels inside a box (its rules excluded by a margin): a cell with none is blank. */
export function inkInside(img: GreyImage, box: Box, margin = 3, threshold = otsu(img)): number {
  let n = 0;
  const x0 = Math.max(0, Math.ceil(box.x0 + margin));
  const x1 = Math.min(img.width - 1, Math.floor(box.x1 - margin));
  const y0 = Math.max(0, Math.ceil(box.y0 + margin));
  const y1 = Math.min(img.height - 1, Math.floor(box.y1 - margin));
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++) if ((img.data[y * img.width + x] as number) <= threshold) n++;
  return n;
}

/** Every cell the rules enclose (merged cells once), top to bottom, left to right. */
export function cellsOf(rules: Rules): Box[] {
  const xs = [...new Set(rules.v.map((v) => v.x))].sort((a, b) => a - b);
  const ys = [...new Set(rules.h.map((h) => h.y))].sort((a, b) => a - b);
  const seen = new Set<string>();
  const out: Box[] = [];
  for (let j = 0; j + 1 < ys.length; j++)
    for (let i = 0; i + 1 < xs.length; i++) {
      const x = ((xs[i] as number) + (xs[i + 1] as number)) / 2;
      const y = ((ys[j] as number) + (ys[j + 1] as number)) / 2;
      if ((xs[i + 1] as number) - (xs[i] as number) < 4 || (ys[j + 1] as number) - (ys[j] as number) < 4)
        continue;
      const c = cellAround(rules, x, y);
      if (!c) continue;
      const k = `${c.x0},${c.y0},${c.x1},${c.y1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(c);
    }
  return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/** A box of the picture as its own picture (white outside the image). */
export function crop(img: GreyImage, box: Box): GreyImage {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(img.width, Math.ceil(box.x1));
  const y1 = Math.min(img.height, Math.ceil(box.y1));
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < y1 - y0; y++)
    data.set(img.data.subarray((y0 + y) * img.width + x0, (y0 + y) * img.width + x1), y * w);
  return { width: w, height: h, data };
}

/** The picture with a white margin around it (the OCR engine reads a glyph touching the edge poorly). */
export function pad(img: GreyImage, m: number): GreyImage {
  const w = img.width + 2 * m;
  const h = img.height + 2 * m;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < img.height; y++)
    data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + m) * w + m);
  return { width: w, height: h, data };
}

/**
 * Glyph-sized ink blobs inside a box (8-connected; specks under a third of the tallest blob's height left
 * out). Each printed digit is one blob, so a number read with fewer or more digits than blobs is doubtful.
 */
export function blobsInside(img: GreyImage, box: Box, margin = 2, threshold = otsu(img)): Box[] {
  const x0 = Math.max(0, Math.ceil(box.x0 + margin));
  const x1 = Math.min(img.width - 1, Math.floor(box.x1 - margin));
  const y0 = Math.max(0, Math.ceil(box.y0 + margin));
  const y1 = Math.min(img.height - 1, Math.floor(box.y1 - margin));
  if (x1 < x0 || y1 < y0) return [];
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const seen = new Uint8Array(w * h);
  const ink = (x: number, y: number) => (img.data[(y0 + y) * img.width + x0 + x] as number) <= threshold;
  const blobs: Box[] = [];
  const stack: number[] = [];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (seen[y * w + x] || !ink(x, y)) continue;
      let bx0 = x;
      let bx1 = x;
      let by0 = y;
      let by1 = y;
      seen[y * w + x] = 1;
      stack.push(x, y);
      while (stack.length > 0) {
        const cy = stack.pop() as number;
        const cx = stack.pop() as number;
        if (cx < bx0) bx0 = cx;
        if (cx > bx1) bx1 = cx;
        if (cy < by0) by0 = cy;
        if (cy > by1) by1 = cy;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            const ny = cy + dy;
            if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || !ink(nx, ny)) continue;
            seen[ny * w + nx] = 1;
            stack.push(nx, ny);
          }
      }
      blobs.push({ x0: x0 + bx0, y0: y0 + by0, x1: x0 + bx1 + 1, y1: y0 + by1 + 1 });
    }
  const tallest = Math.max(0, ...blobs.map((b) => b.y1 - b.y0));
  return blobs.filter((b) => b.y1 - b.y0 >= tallest / 3).sort((a, b) => a.x0 - b.x0);
}

/**
 * Black ink on white paper: the grey scan thresholded (Otsu), lone specks (ink pixels with fewer than two
 * ink neighbours) removed. What the OCR engine reads best.
 */
export function binarize(img: GreyImage, threshold = otsu(img)): GreyImage {
  const { width: w, height: h } = img;
  const ink = new Uint8Array(w * h);
  for (let i = 0; i < ink.length; i++) ink[i] = (img.data[i] as number) <= threshold ? 1 : 0;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (!ink[y * w + x]) continue;
      let n = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          if (dx === 0 && dy === 0) continue;
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < w && ny < h && ink[ny * w + nx]) n++;
        }
      if (n >= 2) data[y * w + x] = 0;
    }
  return { width: w, height: h, data };
}

/**
 * The threshold for reading glyphs: halfway between Otsu's split and the paper's grey (the median pixel),
 * so thin, light strokes of small figures on a grey scan survive; lone specks are dropped by binarize.
 */
export function glyphThreshold(img: GreyImage, split = otsu(img)): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v] = (hist[v] ?? 0) + 1;
  let acc = 0;
  let median = 255;
  for (let i = 0; i < 256; i++) {
    acc += hist[i] ?? 0;
    if (acc >= img.data.length / 2) {
      median = i;
      break;
    }
  }
  return Math.round((split + Math.max(split, median - 20)) / 2);
}

/** The picture enlarged by a factor (bilinear): small glyphs thresholded after enlarging keep their shape. */
export function enlarge(img: GreyImage, f: number): GreyImage {
  if (f === 1) return img;
  const w = Math.round(img.width * f);
  const h = Math.round(img.height * f);
  const data = new Uint8Array(w * h);
  const at = (x: number, y: number) => img.data[y * img.width + x] as number;
  for (let y = 0; y < h; y++) {
    const sy = Math.min(img.height - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(img.height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.min(img.width - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(img.width - 1, x0 + 1);
      const fx = sx - x0;
      const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
      const bot = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
      data[y * w + x] = Math.round(top * (1 - fy) + bot * fy);
    }
  }
  return { width: w, height: h, data };
}

/**
 * The grey picture with everything but glyphs whitened: pixels farther than one pixel from the ink of
 * `ink` (a binarized, despeckled copy) become paper. Keeps the glyphs' grey edges for enlarging.
 */
export function keepInk(img: GreyImage, ink: GreyImage): GreyImage {
  const { width: w, height: h } = img;
  const data = new Uint8Array(w * h).fill(255);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let near = false;
      for (let dy = -1; dy <= 1 && !near; dy++)
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx >= 0 && ny >= 0 && nx < w && ny < h && ink.data[ny * w + nx] === 0) near = true;
        }
      if (near) data[y * w + x] = img.data[y * w + x] as number;
    }
  return { width: w, height: h, data };
}

/**
 * The skew of a scanned table, in radians (positive: the rules fall to the right), within ±maxDeg: the
 * angle at which the ink's row profile is sharpest (rules and text lines line up). 0 for a straight picture.
 */
export function estimateSkew(img: GreyImage, maxDeg = 4, stepDeg = 0.1, threshold = otsu(img)): number {
  const { width: w, height: h } = img;
  // a sample of the ink: enough to line up rules, cheap on large scans
  const xs: number[] = [];
  const ys: number[] = [];
  const stride = Math.max(1, Math.round(Math.sqrt((w * h) / 400_000)));
  for (let y = 0; y < h; y += stride)
    for (let x = 0; x < w; x += stride)
      if ((img.data[y * w + x] as number) <= threshold) {
        xs.push(x);
        ys.push(y);
      }
  if (xs.length < 50) return 0;
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    const pad = Math.ceil(Math.abs(t) * w) + 1;
    const bins = new Float64Array(h + 2 * pad);
    for (let i = 0; i < xs.length; i++) {
      const yy = Math.round((ys[i] as number) - (xs[i] as number) * t) + pad;
      bins[yy] = (bins[yy] ?? 0) + 1;
    }
    let s = 0;
    for (const b of bins) s += b * b;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += stepDeg) {
    const sc = score(d);
    if (sc > bestScore * 1.0001) {
      bestScore = sc;
      best = d;
    }
  }
  return (best * Math.PI) / 180;
}

/** The picture turned by -angle about its centre (bilinear, white outside): a skewed scan made straight. */
export function rotate(img: GreyImage, angle: number): GreyImage {
  if (angle === 0) return img;
  const { width: w, height: h } = img;
  const data = new Uint8Array(w * h).fill(255);
  const cx = w / 2;
  const cy = h / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      // where (x, y) of the straight picture was in the skewed one
      const dx = x - cx;
      const dy = y - cy;
      const sx = cx + dx * cos - dy * sin;
      const sy = cy + dx * sin + dy * cos;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const fx = sx - x0;
      const fy = sy - y0;
      const a = img.data[y0 * w + x0] as number;
      const b = img.data[y0 * w + x0 + 1] as number;
      const c = img.data[(y0 + 1) * w + x0] as number;
      const d = img.data[(y0 + 1) * w + x0 + 1] as number;
      data[y * w + x] = Math.round((a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy);
    }
  return { width: w, height: h, data };
}

/** A box of the straightened picture mapped back into the skewed one (its bounding box there). */
export function unrotateBox(box: Box, angle: number, width: number, height: number): Box {
  if (angle === 0) return box;
  const cx = width / 2;
  const cy = height / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const pts = [
    [box.x0, box.y0],
    [box.x1, box.y0],
    [box.x0, box.y1],
    [box.x1, box.y1],
  ].map(([x, y]) => {
    const dx = (x as number) - cx;
    const dy = (y as number) - cy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos] as const;
  });
  return {
    x0: Math.min(...pts.map((p) => p[0])),
    y0: Math.min(...pts.map((p) => p[1])),
    x1: Math.max(...pts.map((p) => p[0])),
    y1: Math.max(...pts.map((p) => p[1])),
  };
}

/** A hole of a glyph: its centre height and its height, both relative to the glyph's box (0 top … 1 bottom). */
export interface Hole {
  cy: number;
  h: number;
}

/** The holes of one glyph blob: paper regions inside its box that do not reach the box's edge. */
export function holesOf(img: GreyImage, box: Box, threshold = otsu(img)): Hole[] {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const w = Math.min(img.width, Math.ceil(box.x1)) - x0;
  const h = Math.min(img.height, Math.ceil(box.y1)) - y0;
  if (w < 3 || h < 3) return [];
  const paper = (x: number, y: number) => (img.data[(y0 + y) * img.width + x0 + x] as number) > threshold;
  const seen = new Uint8Array(w * h);
  const holes: Hole[] = [];
  for (let sy = 0; sy < h; sy++)
    for (let sx = 0; sx < w; sx++) {
      if (seen[sy * w + sx] || !paper(sx, sy)) continue;
      const stack = [sx, sy];
      seen[sy * w + sx] = 1;
      let edge = false;
      let n = 0;
      let top = sy;
      let bottom = sy;
      let sumY = 0;
      while (stack.length > 0) {
        const y = stack.pop() as number;
        const x = stack.pop() as number;
        n++;
        sumY += y;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
        if (x === 0 || y === 0 || x === w - 1 || y === h - 1) edge = true;
        for (const [dx, dy] of [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ] as const) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || !paper(nx, ny)) continue;
          seen[ny * w + nx] = 1;
          stack.push(nx, ny);
        }
      }
      if (!edge && n >= 2) holes.push({ cy: (sumY / n + 0.5) / h, h: (bottom - top + 1) / h });
    }
  return holes;
}

/**
 * Does a digit's shape agree with the glyph's holes? 0 has one tall hole in the middle, 6 one low, 9 one
 * high, 8 two; 1, 2, 3, 5, 7 none (4 either, by font). A disagreement makes the reading doubtful — an
 * independent check on the OCR engine's "0" for a 9 or an 8 for a 3.
 */
export function digitFitsHoles(digit: string, holes: Hole[]): boolean {
  const n = holes.length;
  switch (digit) {
    case '0':
      return n === 1 && (holes[0]?.h ?? 0) >= 0.4;
    case '6':
      return n === 1 && (holes[0]?.cy ?? 0) > 0.5;
    case '9':
      return n === 1 && (holes[0]?.cy ?? 1) < 0.5;
    case '8':
      return n === 2;
    case '4':
      return n <= 1;
    case '1':
    case '2':
    case '3':
    case '5':
    case '7':
      return n === 0;
    default:
      return true;
  }
}

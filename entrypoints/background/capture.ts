/**
 * Screenshots (background side): the visible area with the overlay burned in and a plain copy; the whole
 * page by scroll-and-stitch (at most two captures a second, fixed and sticky elements hidden after the first
 * slice, late images awaited, scroll position restored, split into several images past the canvas limit);
 * close-ups of findings (the table's header rows down to the row at fault, or the paragraph; stitched when
 * taller than the viewport) with a caption strip burned in. The overlay's own bar, banner and cards and the
 * page's scrollbar are out of every picture (the engine's capture mode); the marks stay in the annotated
 * copy. Chrome's captureVisibleTab needs activeTab (the toolbar icon clicked on the tab) or <all_urls>: the
 * extension's host access to *.gov.cn is not enough.
 */

import type { Browser } from 'webextension-polyfill';
import type { CaptionLine } from '@/lib/evidence/caption';
import { type CloseUp, clampTo, groupCloseUps, type Rect, slicePlan } from '@/lib/evidence/geometry';
import { screenshotName } from '@/lib/issues/export';
import { call, ENGINE, type Shot } from '@/lib/messages';
import type { EngineDirection, PageMetrics, ReplyOf, RequestOf } from '@/lib/messages-engine';
import { bitmap, canvasToDataUrl, withCaption } from './caption-draw';

/** Chrome allows two captureVisibleTab calls per second. */
const MIN_GAP_MS = 520;
/** Stay well under the browsers' canvas limits (height 32767, area ~268 MP). */
const MAX_PART_HEIGHT = 16000;

/** A close-up and the findings it shows; its rectangle (and the header rows') in document pixels. */
export interface CloseUpShot extends Shot {
  ids: string[];
}

export interface Target {
  tabId: number;
  windowId: number;
  frameId: number;
  url: string;
  title: string;
}

function names(t: Target, kind: string, when = new Date()): { name: string; plainName: string } {
  const name = screenshotName(t.url, t.title, when, kind);
  return { name, plainName: name.replace(/\.png$/, '_原图.png') };
}

/** Capture of one tab's frame: the browser's screenshot API and the engine's capture support in that frame. */
export class Capturer {
  private last = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly api: Browser,
    private readonly gapMs = MIN_GAP_MS,
  ) {}

  /** One screenshot at a time, at most one per gapMs, whoever asks. */
  private grab(windowId: number): Promise<string> {
    const run = this.queue.then(async () => {
      const wait = this.last + this.gapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.last = Date.now();
      return this.api.tabs.captureVisibleTab(windowId, { format: 'png' });
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private engine<K extends keyof EngineDirection & string>(
    t: Target,
    type: K,
    req: RequestOf<EngineDirection, K>,
  ): Promise<ReplyOf<EngineDirection, K>> {
    return call(ENGINE, type, req, (msg) => this.api.tabs.sendMessage(t.tabId, msg, { frameId: t.frameId }));
  }

  /** The visible area twice: with the overlay, and hidden for the plain copy. */
  private async both(t: Target): Promise<{ annotated: string; plain: string }> {
    const annotated = await this.grab(t.windowId);
    await this.engine(t, 'set-hidden', { hidden: true });
    try {
      return { annotated, plain: await this.grab(t.windowId) };
    } finally {
      await this.engine(t, 'set-hidden', { hidden: false });
    }
  }

  /** Run a capture with the overlay's chrome and the page's scrollbar out of the picture. */
  private async clean<T>(t: Target, run: () => Promise<T>): Promise<T> {
    await this.engine(t, 'capture-mode', { on: true });
    try {
      return await run();
    } finally {
      await this.engine(t, 'capture-mode', { on: false }).catch(() => false);
    }
  }

  async visible(t: Target): Promise<Shot[]> {
    // the first screenshot tells early whether the browser lets us capture at all (activeTab)
    return this.clean(t, async () => [{ ...(await this.both(t)), ...names(t, '可见区域') }]);
  }

  /**
   * Close-ups of findings, one image per group of findings sharing a table region, each with its caption
   * (`caption(ids, when)` gives the lines). `progress` is told after each image.
   */
  closeUps(
    t: Target,
    ids: string[],
    caption: (ids: string[], when: Date) => CaptionLine[],
    progress?: (done: number, total: number) => void,
  ): Promise<CloseUpShot[]> {
    return this.clean(t, async () => {
      const start = await this.engine(t, 'capture-info', {});
      try {
        const places = await this.engine(t, 'finding-places', { ids });
        const groups = groupCloseUps(places, Math.max(200, start.innerHeight - 40));
        const out: CloseUpShot[] = [];
        for (const g of groups) {
          out.push(await this.closeUp(t, g, start, caption));
          progress?.(out.length, groups.length);
        }
        return out;
      } finally {
        await this.engine(t, 'restore-page', { x: start.scrollX, y: start.scrollY });
      }
    });
  }

  /** One close-up: scroll its rectangle into view slice by slice, cut, stitch, caption. */
  private async closeUp(
    t: Target,
    g: CloseUp,
    m0: PageMetrics,
    caption: (ids: string[], when: Date) => CaptionLine[],
  ): Promise<CloseUpShot> {
    const page: Rect = { left: m0.scrollX, top: 0, width: m0.innerWidth, height: m0.innerHeight };
    const want = g.rect ? clampTo(g.rect, m0.scrollX + m0.innerWidth, m0.scrollHeight) : page;
    const whole = want.height > 0 && want.width > 0 ? want : page;
    // past the canvas limit keep the bottom (the row at fault) rather than fail
    const most = MAX_PART_HEIGHT / Math.max(1, m0.dpr);
    const rect =
      whole.height > most ? { ...whole, top: whole.top + whole.height - most, height: most } : whole;
    const slices = slicePlan(rect, m0.innerHeight, m0.scrollHeight);
    // only this close-up's findings keep their marks
    await this.engine(t, 'capture-mode', { on: true, only: g.ids });
    const parts: Array<{
      destTop: number;
      annotated: ImageBitmap;
      plain: ImageBitmap;
      srcTop: number;
      h: number;
    }> = [];
    let scale = 1;
    let x = 0;
    for (const s of slices) {
      const m = await this.engine(t, 'scroll-to', { y: s.scrollY, hideFixed: true });
      const shot = await this.both(t);
      const annotated = await bitmap(shot.annotated);
      scale = annotated.width / m.innerWidth;
      x = Math.max(0, rect.left - m.scrollX);
      // the page may not have scrolled where asked (its end): cut where the rectangle is now
      const srcTop = rect.top + s.destTop - m.scrollY;
      parts.push({ destTop: s.destTop, annotated, plain: await bitmap(shot.plain), srcTop, h: s.height });
    }
    const w = Math.max(1, Math.round(Math.min(rect.width, m0.innerWidth - x) * scale));
    const h = Math.max(1, Math.round(rect.height * scale));
    const draw = (key: 'annotated' | 'plain') => {
      const c = new OffscreenCanvas(w, h);
      const ctx = c.getContext('2d');
      for (const p of parts)
        ctx?.drawImage(
          p[key],
          Math.round(x * scale),
          Math.round(p.srcTop * scale),
          w,
          Math.round(p.h * scale),
          0,
          Math.round(p.destTop * scale),
          w,
          Math.round(p.h * scale),
        );
      return c;
    };
    const when = new Date();
    const annotated = withCaption(draw('annotated'), caption(g.ids, when), scale);
    const plain = draw('plain');
    for (const p of parts) {
      p.annotated.close();
      p.plain.close();
    }
    return {
      ids: g.ids,
      annotated: await canvasToDataUrl(annotated),
      plain: await canvasToDataUrl(plain),
      ...names(t, '特写', when),
      region: rect,
      ...(g.header ? { header: g.header } : {}),
    };
  }

  /** The whole page, scrolled slice by slice and stitched. */
  full(t: Target): Promise<Shot[]> {
    return this.clean(t, () => this.fullNow(t));
  }

  private async fullNow(t: Target): Promise<Shot[]> {
    const start = await this.engine(t, 'capture-info', {});
    const slices: Array<{ y: number; annotated: ImageBitmap; plain: ImageBitmap }> = [];
    let scale = 1;
    try {
      for (let y = 0, i = 0; y < start.scrollHeight && i < 200; y += start.innerHeight, i++) {
        const m = await this.engine(t, 'scroll-to', { y, hideFixed: i > 0 });
        const shot = await this.both(t);
        const annotated = await bitmap(shot.annotated);
        scale = annotated.width / m.innerWidth;
        slices.push({ y: m.scrollY, annotated, plain: await bitmap(shot.plain) });
        if (m.scrollY + m.innerHeight >= m.scrollHeight) break;
      }
    } finally {
      await this.engine(t, 'restore-page', { x: start.scrollX, y: start.scrollY });
    }
    const width = slices[0]?.annotated.width ?? 1;
    const last = slices[slices.length - 1];
    const total = Math.ceil(((last?.y ?? 0) + start.innerHeight) * scale);
    const parts = Math.max(1, Math.ceil(total / MAX_PART_HEIGHT));
    const when = new Date();
    const out: Shot[] = [];
    for (let p = 0; p < parts; p++) {
      const top = p * MAX_PART_HEIGHT;
      const height = Math.min(MAX_PART_HEIGHT, total - top);
      const draw = async (key: 'annotated' | 'plain') => {
        const c = new OffscreenCanvas(width, height);
        const ctx = c.getContext('2d');
        for (const s of slices) {
          const y = Math.round(s.y * scale) - top;
          if (y + s[key].height < 0 || y > height) continue;
          ctx?.drawImage(s[key], 0, y);
        }
        return canvasToDataUrl(c);
      };
      const n = names(t, parts > 1 ? `整页${p + 1}` : '整页', when);
      out.push({ annotated: await draw('annotated'), plain: await draw('plain'), ...n });
    }
    return out;
  }
}

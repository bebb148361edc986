/**
 * Screenshots (background side): the visible area with the overlay burned in and a plain copy; the whole
 * page by scroll-and-stitch (at most two captures a second, fixed and sticky elements hidden after the first
 * slice, late images awaited, scroll position restored, split into several images past the canvas limit);
 * a close-up of one finding. Every capture needs activeTab (the toolbar was clicked) or host access.
 */

import type { Browser } from 'webextension-polyfill';
import { screenshotName } from '@/lib/issues/export';
import { call, ENGINE, type Shot } from '@/lib/messages';
import type { EngineDirection, ReplyOf, RequestOf } from '@/lib/messages-engine';

/** Chrome allows two captureVisibleTab calls per second. */
const MIN_GAP_MS = 520;
/** Stay well under the browsers' canvas limits (height 32767, area ~268 MP). */
const MAX_PART_HEIGHT = 16000;

export interface Target {
  tabId: number;
  windowId: number;
  frameId: number;
  url: string;
  title: string;
}

async function bitmap(dataUrl: string): Promise<ImageBitmap> {
  return createImageBitmap(await (await fetch(dataUrl)).blob());
}

async function canvasToDataUrl(canvas: OffscreenCanvas): Promise<string> {
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
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

  async visible(t: Target): Promise<Shot[]> {
    const shot = await this.both(t);
    return [{ ...shot, ...names(t, '可见区域') }];
  }

  async finding(t: Target, findingId: string): Promise<Shot[]> {
    const region = await this.engine(t, 'finding-region', { id: findingId });
    const m = await this.engine(t, 'capture-info', {});
    const shot = await this.both(t);
    if (!region) return [{ ...shot, ...names(t, '特写') }];
    const crop = async (url: string) => {
      const img = await bitmap(url);
      const scale = img.width / m.innerWidth;
      const pad = 24;
      const x = Math.max(0, Math.floor((region.left - pad) * scale));
      const y = Math.max(0, Math.floor((region.top - pad) * scale));
      const w = Math.min(img.width - x, Math.ceil((region.width + 2 * pad) * scale));
      const h = Math.min(img.height - y, Math.ceil((region.height + 2 * pad) * scale));
      const c = new OffscreenCanvas(Math.max(1, w), Math.max(1, h));
      c.getContext('2d')?.drawImage(img, x, y, w, h, 0, 0, w, h);
      return canvasToDataUrl(c);
    };
    return [{ annotated: await crop(shot.annotated), plain: await crop(shot.plain), ...names(t, '特写') }];
  }

  /** The whole page, scrolled slice by slice and stitched. */
  async full(t: Target): Promise<Shot[]> {
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

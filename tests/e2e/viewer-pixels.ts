/**
 * Helpers of the viewer's end-to-end tests: a message to the background from an extension page, and the
 * rows of a captured image (to find the caption strip and the marks' colour in it).
 */
import type { Page } from 'playwright-core';

/** Send a message from an extension page (the reply's envelope as it comes). */
export const send = (p: Page, msg: object) =>
  p.evaluate(
    (m) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }
      ).chrome.runtime.sendMessage(m),
    msg,
  ) as Promise<{ ok: boolean; value: unknown; error?: string }>;
/** Per row of a PNG data URL, the share of pixels equal to rgb (±3). */
export const rowShare = (p: Page, src: string, rgb: [number, number, number]) =>
  p.evaluate(
    async ({ src, rgb }) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d');
      ctx?.drawImage(img, 0, 0);
      const d = ctx?.getImageData(0, 0, img.width, img.height).data ?? new Uint8ClampedArray();
      const rows: number[] = [];
      for (let y = 0; y < img.height; y++) {
        let n = 0;
        for (let x = 0; x < img.width; x++) {
          const i = (y * img.width + x) * 4;
          if (rgb.every((v, k) => Math.abs((d[i + k] ?? 0) - v) <= 3)) n++;
        }
        rows.push(n / img.width);
      }
      return { width: img.width, height: img.height, rows };
    },
    { src, rgb },
  );

/**
 * Drawing on OffscreenCanvas in the background: PNG data URLs in and out, and the caption strip burned in
 * under an evidence image (its text and layout come from lib/evidence/caption.ts).
 */
import {
  type CaptionLine,
  type CaptionStyle,
  DEFAULT_CAPTION_METRICS,
  layoutCaption,
} from '@/lib/evidence/caption';

export async function bitmap(dataUrl: string): Promise<ImageBitmap> {
  return createImageBitmap(await (await fetch(dataUrl)).blob());
}

export async function canvasToDataUrl(canvas: OffscreenCanvas): Promise<string> {
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/png;base64,${btoa(bin)}`;
}

/** The strip's colours: dark, so it reads as a caption and never as part of the page. */
export const STRIP_BG = '#202124';
const INK: Record<CaptionStyle, string> = { title: '#ffffff', body: '#e8eaed', meta: '#bdc1c6' };
const WEIGHT: Record<CaptionStyle, number> = { title: 600, body: 400, meta: 400 };

function font(style: CaptionStyle, size: number): string {
  return `${WEIGHT[style]} ${size}px system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif`;
}

/**
 * The image with the caption strip under it, as wide as the image; `scale` is image pixels per CSS pixel
 * (the device pixel ratio of the capture), so the caption reads at the same size as the page.
 */
export function withCaption(img: OffscreenCanvas, lines: CaptionLine[], scale: number): OffscreenCanvas {
  const m = {
    size: {
      title: DEFAULT_CAPTION_METRICS.size.title * scale,
      body: DEFAULT_CAPTION_METRICS.size.body * scale,
      meta: DEFAULT_CAPTION_METRICS.size.meta * scale,
    },
    padding: DEFAULT_CAPTION_METRICS.padding * scale,
  };
  const probe = new OffscreenCanvas(1, 1).getContext('2d');
  const measure = (text: string, size: number) => {
    if (!probe) return text.length * size;
    probe.font = font('title', size); // the bold face: never narrower than the text drawn
    return probe.measureText(text).width;
  };
  const layout = layoutCaption(lines, img.width, measure, m);
  const out = new OffscreenCanvas(img.width, img.height + layout.height);
  const ctx = out.getContext('2d');
  if (!ctx) return img;
  ctx.drawImage(img, 0, 0);
  ctx.fillStyle = STRIP_BG;
  ctx.fillRect(0, img.height, img.width, layout.height);
  ctx.textBaseline = 'top';
  for (const l of layout.lines) {
    ctx.font = font(l.style, l.size);
    ctx.fillStyle = INK[l.style];
    ctx.fillText(l.text, m.padding, img.height + l.y);
  }
  return out;
}

/**
 * The engine's part of OCR: a report page whose section 二/三/四 table is an <img> gets its pictures read
 * (by the background's OCR document, one at a time, never in the page), with 「正在识别图片表格…」 shown over
 * them; then the page is audited again with the tables read (lib/ocr/adopt.ts: same Table model, values
 * marked as read by OCR, so failed sums are warnings) and the values are drawn over the pictures
 * (lib/overlay/ocr-layer.ts). Readings are kept per picture address for the life of the page, so the
 * re-audits that follow page changes cost nothing.
 */
import type { AuditOutput } from '@/lib/audit';
import type { ImageBlock, SourceDoc } from '@/lib/extract/blocks';
import type { Extracted } from '@/lib/extract/index';
import type { PictureWire } from '@/lib/messages-engine';
import type { Lang } from '@/lib/model/schema';
import { adoptPictures, type PictureOf, pictureBlocks } from '@/lib/ocr/adopt';
import { cellsFromWire, type OcrPictureReply } from '@/lib/ocr/wire';
import { OcrLayer, type OcrLayerStrings } from '@/lib/overlay/ocr-layer';
import { t } from './i18n';

export function ocrStrings(lang: Lang): OcrLayerStrings {
  return {
    progress: t(lang, 'ocrProgress'),
    show: t(lang, 'ocrShowValues'),
    hide: t(lang, 'ocrHideValues'),
    readAs: (v) => t(lang, 'ocrReadAs', v),
  };
}

/** The address the picture is shown from (what the OCR document fetches). */
function srcOf(img: ImageBlock): string {
  const el = img.el as HTMLImageElement;
  return el.currentSrc || el.src || '';
}

export class EngineOcr {
  private readonly readings = new Map<string, PictureOf | null>();
  private running = false;
  private layer: OcrLayer | null = null;

  constructor(
    private readonly doc: Document,
    private readonly read: (src: string) => Promise<OcrPictureReply>,
    /** Called when new readings are in: the engine audits again. */
    private readonly onRead: () => void,
  ) {}

  /** Between extraction and rules: the tables of the pictures read so far join the report. */
  readonly beforeRules = async (ex: Extracted): Promise<void> => {
    adoptPictures(ex, (img) => this.readings.get(srcOf(img)) ?? null);
  };

  /** The pictures of the page read so far, by block, for an audit done elsewhere (audit-page). */
  picturesOf(src: SourceDoc): PictureWire[] {
    const out: PictureWire[] = [];
    for (const b of src.blocks) {
      if (b.kind !== 'image') continue;
      const r = this.readings.get(srcOf(b));
      if (r) out.push({ image: b.index, width: r.width, height: r.height, skew: r.skew, cells: r.cells });
    }
    return out;
  }

  /** After an audit was drawn: start reading the pictures not read yet, and draw what was read. */
  after(
    out: AuditOutput,
    host: HTMLElement | null,
    shown: AuditOutput['findings'],
    strings: OcrLayerStrings,
  ): void {
    this.layer?.destroy();
    this.layer = host ? new OcrLayer(this.doc, host, strings) : null;
    const pending = pictureBlocks(out.extracted)
      .flatMap((s) => s.images)
      .filter((img) => {
        const src = srcOf(img);
        return src !== '' && !this.readings.has(src);
      });
    if (pending.length > 0 && out.report.isReport) {
      this.layer?.progress(pending.map((t) => t.el));
      void this.readAll(pending);
      return;
    }
    this.layer?.show(out, shown);
  }

  private async readAll(images: ImageBlock[]): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (const img of images) {
        const src = srcOf(img);
        if (this.readings.has(src)) continue;
        let reply: OcrPictureReply | null = null;
        try {
          reply = await this.read(src);
        } catch {
          reply = null;
        }
        this.readings.set(
          src,
          reply?.ok
            ? {
                width: reply.width,
                height: reply.height,
                skew: reply.skew,
                cells: cellsFromWire(reply.cells),
              }
            : null,
        );
      }
    } finally {
      this.running = false;
    }
    this.onRead();
  }

  destroy(): void {
    this.layer?.destroy();
    this.layer = null;
  }
}

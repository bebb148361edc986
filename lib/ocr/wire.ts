/**
 * A table picture's reading as it travels between the extension's contexts (engine ⇄ background ⇄ OCR
 * document): the cells with their boxes, text and confidence (lib/ocr/table.ts OcrCell), the picture's size
 * and skew. zod/mini schemas, checked on both ends by the protocol (lib/messages.ts).
 */
import { z } from 'zod/mini';
import type { OcrCell } from './table';

const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
const Glyph = z.object({ text: z.string(), confidence: z.number(), bbox: Box });

export const OcrCellWire = z.object({
  box: Box,
  text: z.string(),
  confidence: z.number(),
  symbols: z.array(Glyph),
  unreadable: z.optional(z.boolean()),
  from: z.optional(z.object({ image: z.number(), box: Box })),
});

export const OcrPictureReply = z.object({
  ok: z.boolean(),
  /** Why the picture was not read (not fetched, not an image, too large, no OCR in this browser). */
  error: z.optional(z.string()),
  width: z.number(),
  height: z.number(),
  skew: z.number(),
  cells: z.array(OcrCellWire),
  ms: z.number(),
});
export type OcrPictureReply = z.infer<typeof OcrPictureReply>;

export const OcrPictureRequest = z.object({
  /** The picture's address (http(s) as the page shows it, or a data: URL). */
  src: z.string(),
});

/** The cells as lib/ocr/table.ts takes them (optional fields left out rather than undefined). */
export function cellsFromWire(cells: OcrPictureReply['cells']): OcrCell[] {
  return cells.map((c) => ({
    box: c.box,
    text: c.text,
    confidence: c.confidence,
    symbols: c.symbols,
    ...(c.unreadable ? { unreadable: true } : {}),
    ...(c.from ? { from: c.from } : {}),
  }));
}

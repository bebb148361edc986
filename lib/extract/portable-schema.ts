/**
 * zod/mini schemas of lib/extract/portable.ts's data, for the background's side of `audit-page`
 * (lib/messages.ts): a page's blocks come from a content script, so they are checked in full, and bounded,
 * before anything reads them. The engine's side checks only their envelope (lib/messages-engine.ts), so the
 * engine never builds these schemas.
 */
import { z } from 'zod/mini';
import { BlockText } from '../model/schema';
import { BLOCK_LIMIT } from './blocks';
import { GRID_LIMITS } from './grid';
import type { PortableExtraction, PortableSource } from './portable';

const MAX_TEXT = 1_000_000;
const MAX_CELLS = GRID_LIMITS.maxRows * GRID_LIMITS.maxCols;
const text = z.string().check(z.maxLength(MAX_TEXT));
const int = z.number().check(z.int(), z.gte(-1));
const ints = (max: number) => z.array(int).check(z.maxLength(max));

const PortableGrid = z.object({
  texts: z.array(text).check(z.maxLength(MAX_CELLS)),
  spans: ints(MAX_CELLS * 4),
  lengths: ints(GRID_LIMITS.maxRows),
  slots: ints(MAX_CELLS),
  width: int,
  ownCells: ints(GRID_LIMITS.maxRows),
  truncated: z.boolean(),
});

export const PortableSourceSchema: z.ZodMiniType<PortableSource> = z.object({
  docTitle: z.nullable(text),
  meta: z.record(z.string(), text),
  url: z.nullable(text),
  kinds: z.string().check(z.maxLength(BLOCK_LIMIT), z.regex(/^[tgi]*$/)),
  texts: z.array(text).check(z.maxLength(BLOCK_LIMIT)),
  tags: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(BLOCK_LIMIT)),
  crumbs: z
    .array(
      z.tuple([
        int,
        z.array(z.array(z.string().check(z.maxLength(10_000))).check(z.maxLength(16))).check(z.maxLength(8)),
      ]),
    )
    .check(z.maxLength(64)),
  grids: z.array(PortableGrid).check(z.maxLength(BLOCK_LIMIT)),
});

const ExtractStop = z.object({ stage: z.enum(['read', 'extract']), reason: z.enum(['time', 'size']) });

export const PortableExtractionSchema: z.ZodMiniType<PortableExtraction> = z.object({
  text: z.array(BlockText),
  cells: z.array(z.tuple([z.string(), z.number(), z.number()])),
  tokens: z.array(z.tuple([z.string(), z.number(), z.number()])),
  stopped: z.optional(ExtractStop),
});

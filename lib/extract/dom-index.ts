/**
 * The page references behind a Report, apart from the serialisable model: the element of every cell value
 * (HTML input) or its line and token (text input), and every block with its element and text nodes. Rules
 * never see it; the overlay resolves findings' locators through it.
 */
import type { BlockText } from '../model/schema';
import type { Block } from './blocks';
import type { CellElements, CellTokens } from './tables';

export interface DomIndex {
  /** Blocks by index, with their elements (text blocks also their text nodes). */
  blocks: Block[];
  /** Cell key ("t2:new:total", "t1:label:规范性文件") → the element holding it. */
  cellEls: CellElements;
  /** Cell key → [block, token] of its value in text input. */
  cellTokens: CellTokens;
}

/** The serialisable text of the blocks: what rules read instead of the elements. */
export function blockTexts(blocks: Block[], tableBlocks: ReadonlySet<number>): BlockText[] {
  return blocks.map((b) => ({
    index: b.index,
    kind: b.kind,
    text: b.kind === 'image' ? b.alt : b.text,
    inTable: tableBlocks.has(b.index),
  }));
}

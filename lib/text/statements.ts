/**
 * Figures stated in the narrative: "共收到申请2件", "未收到…申请", "被申请行政复议0件". Each statement keeps
 * its block and offsets so findings can point at the words.
 */
import type { BlockText as TextBlock } from '../model/schema';
import { parseCount, toHalfWidth } from './normalize';

export interface Statement {
  block: TextBlock;
  start: number;
  end: number;
  value: number;
  quote: string;
  /** The sentence it stands in. */
  sentence: string;
}

const NUM = '(\\d+|[零〇一二两三四五六七八九十]{1,3})';

/** Sentences of a block with their offsets (half-width text has the same length as the original). */
function sentences(text: string): Array<{ s: string; at: number }> {
  const out: Array<{ s: string; at: number }> = [];
  let at = 0;
  for (const part of text.split(/(?<=[。；;！!？?])/)) {
    out.push({ s: part, at });
    at += part.length;
  }
  return out;
}

function scan(
  blocks: TextBlock[],
  patterns: Array<{ re: RegExp; zero?: boolean }>,
  keep: (sentence: string, block: TextBlock) => boolean,
  accept: (quote: string) => boolean = () => true,
): Statement[] {
  const out: Statement[] = [];
  for (const block of blocks) {
    const t = toHalfWidth(block.text);
    for (const { s, at } of sentences(t)) {
      if (!keep(s, block)) continue;
      for (const p of patterns) {
        const m = p.re.exec(s);
        if (!m || !accept(m[0])) continue;
        const value = p.zero ? 0 : parseCount(m[1] ?? '');
        if (value === null) continue;
        out.push({
          block,
          start: at + m.index,
          end: at + m.index + m[0].length,
          value,
          quote: m[0],
          sentence: s.trim(),
        });
        break;
      }
    }
  }
  return out;
}

/** Statements of applications received/handled. */
export function applicationStatements(blocks: TextBlock[]): Statement[] {
  return scan(
    blocks,
    [
      { re: /(?:未|没有|无)(?:收到|受理|接到|接收|发生)[^，。；]{0,14}?申请/, zero: true },
      { re: /无(?:依申请公开|政府信息公开申请)(?:事项|情况|件)?/, zero: true },
      {
        re: new RegExp(`(?:收到|受理|接收|接到|新收|办理)\\s*${NUM}\\s*件(?:次)?的?[^，。；\\d]{0,10}?申请`),
      },
      {
        re: new RegExp(
          `(?:收到|受理|接收|接到|新收|办理)[^，。；\\d]{0,24}?申请[^，。；\\d]{0,10}?(?:共|合计|计|为)?\\s*${NUM}\\s*(?:件|份|宗|个|条)`,
        ),
      },
    ],
    (s) => !/去年|上年|上一年|同比|比.{0,6}(增|减)|结转/.test(s),
    // about disclosure requests, not 行政许可 or other applications
    (quote) => /公开/.test(quote),
  );
}

/**
 * Statements of administrative reviews (kind 'review') or lawsuits (kind 'litigation') about information
 * disclosure: the sentence names 信息公开, or it stands in section 四 (`scoped`).
 */
export function caseStatements(
  blocks: TextBlock[],
  kind: 'review' | 'litigation',
  scoped: Set<number> = new Set(),
): Statement[] {
  const word = kind === 'review' ? '(?:行政)?复议' : '(?:行政)?诉讼';
  return scan(
    blocks,
    [
      {
        re: new RegExp(`(?:未|没有|无)(?:发生|出现|收到|被申请|被提起|提起)[^。；]{0,30}?${word}`),
        zero: true,
      },
      { re: new RegExp(`${word}(?:案件)?[^，。；\\d]{0,6}?${NUM}\\s*(?:件|起|宗|例)`) },
    ],
    (s, block) => /信息公开|政府信息/.test(s) || scoped.has(block.index),
  );
}

/**
 * Human-readable location of a finding for the issue list: 表二 → 一、本年新收… → 总计, 第三部分, 正文“…”.
 * Page furniture quoted along with the words (view counters, font-size switches, print/close links) is left
 * out: 「发布时间：2025-02-10 浏览次数：397【字体：大 中 小】」 → 「发布时间：2025-02-10」.
 */
import { numeralZh } from '../format/sections';
import type { Locator } from '../model/schema';

const CLUTTER: RegExp[] = [
  /[【[(（]\s*(?:字体|字号)\s*[:：]?\s*[大中小\s]+[】\])）]/g,
  /(?:字体|字号)\s*[:：]\s*[【[]?\s*大\s*[】\]]?\s*[【[]?\s*中\s*[】\]]?\s*[【[]?\s*小\s*[】\]]?/g,
  /(?:浏览次数|浏览量|访问量|访问次数|阅读次数|阅读量|点击数|点击量|点击率|点击次数|浏览)\s*[:：]\s*\d*\s*次?/g,
  /[【[]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏|分享到|返回顶部|纠错)\s*[】\]]?/g,
];

const EXCERPT_MAX = 40;

/** The excerpt without page furniture, spaces collapsed, at most EXCERPT_MAX characters. */
export function cleanExcerpt(text: string): string {
  let s = text;
  for (const re of CLUTTER) s = s.replace(re, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  const chars = [...s];
  return chars.length > EXCERPT_MAX ? `${chars.slice(0, EXCERPT_MAX).join('')}…` : s;
}

export function locationText(loc: Locator | undefined): string {
  if (!loc) return '整页';
  switch (loc.type) {
    case 'cell': {
      // label: "表二（依申请公开） （四）1.本机关… × 总计"
      const [table, rest = ''] = loc.label.split(/\s+(.*)/s);
      const [row, col] = rest.includes(' × ') ? rest.split(' × ') : ['', rest];
      return [table?.replace(/（.*?）$/, ''), row, col].filter(Boolean).join(' → ');
    }
    case 'section':
      return `第${numeralZh(loc.section) ?? loc.section}部分`;
    case 'text': {
      const excerpt = cleanExcerpt(loc.excerpt);
      return excerpt ? `正文“${excerpt}”` : '正文';
    }
    default:
      return '整页';
  }
}

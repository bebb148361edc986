/**
 * Human-readable location of a finding for the issue list: 表二 → 一、本年新收… → 总计, 第三部分, 正文“…”.
 */
import { numeralZh } from '../format/sections';
import type { Locator } from '../model/schema';

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
    case 'text':
      return `正文“${loc.excerpt}”`;
    default:
      return '整页';
  }
}

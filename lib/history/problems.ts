/**
 * The problems a report lists in section 五 (its own year's, not its account of the year before), and
 * whether a later text takes them up (DOMAIN.md §2, §11). Word-level matching without a dictionary:
 * character bigrams of the problem's wording, with the vocabulary every report shares left out.
 */
import { toHalfWidth } from '../text/normalize';

const PROBLEM =
  /问题|不足|不够|欠缺|有待|不高|不强|较少|偏少|滞后|单一|薄弱|不到位|不及时|不全面|不充分|不规范|不平衡|不深入|不统一|不一致|不完善|不健全|不明确|不畅|不多|差距/;
/** Wording every section 五 shares: never evidence that a problem was taken up. */
const COMMON =
  /政府信息公开|政务公开|信息公开|政府信息|存在的?|主要|问题|不足|方面|工作|进一步|加强|推进|提升|完善|持续|做好|有待|一是|二是|三是|四是|五是|本年度|上一?年度|年度|我局|我委|我办|我镇|我街道|我区|我县|我市|本机关/g;

/** Content bigrams of a wording. */
export function contentBigrams(text: string): Set<string> {
  const t = toHalfWidth(text)
    .replace(COMMON, ' ')
    .replace(/[\s\p{P}\p{S}\d]+/gu, ' ');
  const out = new Set<string>();
  for (const part of t.split(' ')) for (let i = 0; i + 2 <= part.length; i++) out.add(part.slice(i, i + 2));
  return out;
}

/**
 * The problems `text` (a section 五) names for its own year `year`: the items of the part that is not the
 * account of `year − 1`'s problems.
 */
export function problemsOf(text: string, year: number | null): string[] {
  const lines = toHalfWidth(text)
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const before = year ? new RegExp(`上一?年度?|以前年度|${year - 1}\\s*年`) : /上一?年度?|以前年度/;
  const parts: Array<{ head: string; body: string[] }> = [{ head: '', body: [] }];
  for (const l of lines) {
    if (/^[(（][一二三四五][)）]/.test(l)) {
      // a sub-heading, often run together with its first sentence: "（一）…改进情况。已整改。"
      const cut = l.search(/[。：:]/);
      const head = cut > 0 && cut <= 40 ? l.slice(0, cut) : l.length <= 40 ? l : '';
      parts.push({ head, body: head === l ? [] : [l.slice(head.length)] });
    } else (parts[parts.length - 1] as { body: string[] }).body.push(l);
  }
  const own = parts.filter((p) => !(p.head && before.test(p.head) && /改进|整改|落实/.test(p.head)));
  const items: string[] = [];
  for (const p of own) {
    const body = p.body.join('');
    for (const s of body.split(/(?=[一二三四五六七八九十]是)|[；;。]/)) {
      const item = s.trim();
      // "未发现突出问题" says there is none
      const none = /(未发现|没有|不存在|无明显|无突出)[^，,]{0,8}(问题|不足)/.test(item);
      if (
        item.length >= 8 &&
        item.length <= 200 &&
        PROBLEM.test(item) &&
        !none &&
        contentBigrams(item).size >= 3
      )
        items.push(item);
    }
  }
  return items.slice(0, 12);
}

/** Distinct content bigrams a problem shares with a text: 3 or more reads as the problem taken up. */
export function sharedWith(problem: string, text: Set<string>): number {
  let n = 0;
  for (const g of contentBigrams(problem)) if (text.has(g)) n++;
  return n;
}

export const TAKEN_UP = 3;

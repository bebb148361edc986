/**
 * Page facts: title, report year, agency and its kind, publication date, 索引号, statistical period,
 * closing signature date. DOMAIN.md §1, §7, §9.
 */
import type { Block, SourceDoc, TextBlock } from '../extract/blocks';
import type { BodyKind, FoundDate, Period, Signature, Ymd } from '../model/schema';
import { collapseSpaces, toHalfWidth } from '../text/normalize';

export const REPORT_TITLE_RE =
  /(政府信息公开|政务公开|信息公开)(工作)?(年度)?(报告|年报)|政府信息公开工作年度报告|信息公开年报/;

export type { FoundDate, Period, Signature, Ymd };

export function ymdString(d: Ymd): string {
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
}

export function validYmd(d: Ymd): boolean {
  if (d.y < 1990 || d.y > 2100 || d.m < 1 || d.m > 12 || d.d < 1) return false;
  const days = new Date(Date.UTC(d.y, d.m, 0)).getUTCDate();
  return d.d <= days;
}

export function parseYmd(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const d = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validYmd(d) ? d : null;
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

function textBlocks(blocks: Block[]): TextBlock[] {
  return blocks.filter((b): b is TextBlock => b.kind === 'text');
}

/** The report's title: ArticleTitle meta, a heading-like block naming the report, else <title>. */
export function findTitle(
  src: SourceDoc,
  firstSectionBlock: number,
): { text: string; block: number | null } | null {
  const clean = (s: string) =>
    collapseSpaces(s)
      .replace(/^(标题|名称|题目)\s*[:：]\s*/, '')
      .replace(/\s*[-_|｜—]+\s*[^-_|｜—]*$/, (tail) => (REPORT_TITLE_RE.test(tail) ? tail : ''));
  const art = src.meta.ArticleTitle ?? src.meta.articletitle;
  if (art && REPORT_TITLE_RE.test(art)) return { text: clean(art), block: null };
  const limit = firstSectionBlock >= 0 ? firstSectionBlock : Math.min(src.blocks.length, 60);
  for (const b of textBlocks(src.blocks)) {
    if (b.index >= limit) break;
    if (b.text.length <= 90 && REPORT_TITLE_RE.test(b.text) && /\d{4}|年度/.test(b.text)) {
      if (/^(根据|按照|依据)/.test(b.text)) continue;
      return { text: clean(b.text), block: b.index };
    }
    // a title set over two lines ("2024 年上海市科委政府信息公开工作" / "年度报告")
    const next = src.blocks[b.index + 1];
    if (next?.kind === 'text' && b.text.length <= 60 && next.text.length <= 20 && !/[。，]/.test(b.text)) {
      const joined = `${b.text}${next.text}`;
      if (REPORT_TITLE_RE.test(joined) && !REPORT_TITLE_RE.test(next.text) && /\d{4}|年度/.test(joined))
        return { text: clean(joined), block: b.index };
    }
  }
  if (src.docTitle && REPORT_TITLE_RE.test(src.docTitle)) return { text: clean(src.docTitle), block: null };
  return null;
}

export function yearFromTitle(title: string): number | null {
  const t = toHalfWidth(title);
  const m = /((?:19|20)\d{2})\s*年/.exec(t);
  return m ? Number(m[1]) : null;
}

const PERIOD_HINT = /统计(期限|时限|时间|区间|周期|期间|范围)|所列数据|数据统计|统计数据/;
const DATE_RE = /(\d{4,})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g;

/** The statistical period sentence ("统计期限自Y年1月1日起至Y年12月31日止"). */
export function findPeriod(blocks: Block[]): Period | null {
  const texts = textBlocks(blocks);
  for (let k = 0; k < texts.length; k++) {
    const b = texts[k] as TextBlock;
    const own = toHalfWidth(b.text);
    const hint = PERIOD_HINT.exec(own);
    if (!hint) continue;
    // a sentence wrapped over lines (PDF, OCR: "…统计周期" / "为2024年1月1日至12月31日"): read on into the
    // next line while the sentence has not ended
    let t = own;
    const next = texts[k + 1];
    if (next && !/[。；;]/.test(own.slice(hint.index)) && own.length - hint.index < 80)
      t = own + toHalfWidth(next.text);
    const tail = t.slice(hint.index, hint.index + 80);
    const end = tail.search(/[。；;]/);
    const raw = end > 0 ? tail.slice(0, end) : tail;
    const dates = [...raw.matchAll(DATE_RE)].map((m) => ({
      y: Number(m[1]),
      m: Number(m[2]),
      d: Number(m[3]),
    }));
    if (dates.length === 0 && !/\d/.test(raw)) continue;
    const [from] = dates;
    let to = dates[1];
    // "自2024年1月1日至12月31日": the end without its year is in the same year
    if (from && !to) {
      const end = /(?:至|到|—|-|~)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(raw);
      if (end) to = { y: from.y, m: Number(end[1]), d: Number(end[2]) };
    }
    return {
      from: from && validYmd(from) ? from : null,
      to: to && validYmd(to) ? to : null,
      raw,
      block: b.index,
      start: hint.index,
    };
  }
  return null;
}

export function classifyBody(agency: string | null): BodyKind {
  if (!agency) return 'unknown';
  const a = agency.replace(/\s/g, '');
  // a region run by a 管委会 (综合实验区, 新区): its own report or a department's? The deadline says which
  // it assumed (year-publication)
  if (/(综合实验区|综合试验区|新区|实验区|试验区)$/.test(a)) return 'unknown';
  // a government's general office reports as a department
  if (/(人民政府|政府)(办公厅|办公室)$/.test(a)) return 'department';
  if (/(管委会|管理委员会|开发区|高新区|园区)/.test(a)) return 'department';
  if (/(镇|乡|街道|街道办事处|苏木)(人民政府|政府)?$/.test(a) || /街道办事处$/.test(a)) return 'township';
  if (/(省|市|县|区|旗|州|盟)(人民)?政府$/.test(a)) return 'government';
  if (/(局|委员会|委|办公室|办|厅|中心|院|所|署|处|站|队|部|会|社)$/.test(a)) return 'department';
  return 'unknown';
}

/** The end of a body's name. */
const BODY_NAME_RE =
  /(人民政府|政府|办公厅|办公室|管理委员会|管委会|委员会|局|委|办|厅|中心|院|署|街道办事处|街道|镇|乡)$/;

/** The reporting body: title prefix, then page attributes, then the contact sentence. */
export function findAgency(title: string | null, src: SourceDoc): string | null {
  if (title) {
    const t = collapseSpaces(title).replace(/\s+/g, '');
    const m = /^(.*?)(关于)?(19|20)\d{2}年/.exec(t);
    const name = m?.[1]?.replace(/[“”"《》]/g, '');
    if (name && name.length >= 2 && name.length <= 40) return name;
    // a title that starts with the year, its body's name on the line above ("洪泽区人民政府" /
    // "2023 年政府信息公开工作年度报告", as PDFs and Word files set it)
    if (m && !name) {
      // "2024年上海市科委政府信息公开工作年度报告": the body stands after the year
      const after =
        /^(?:19|20)\d{2}年(?:度)?(?!政府信息公开|政务公开|信息公开)(.{2,30}?)(?:关于)?(?:政府信息公开|政务公开|信息公开)/.exec(
          t,
        )?.[1];
      if (after && BODY_NAME_RE.test(after)) return after;
      const texts = textBlocks(src.blocks.slice(0, 60));
      const at = texts.findIndex((b) => b.text.replace(/\s+/g, '') === t);
      const above = at > 0 ? (texts[at - 1] as TextBlock).text.replace(/\s+/g, '') : '';
      if (above.length >= 2 && above.length <= 30 && BODY_NAME_RE.test(above)) return above;
    }
  }
  // then the 信息公开 attribute table (发布机构), the signature, <meta name="ContentSource">
  for (const b of src.blocks) {
    if (b.kind === 'image') continue;
    const m = /发布机构\s*[:：]?\s*([^\s]{2,30}?)(?:\s|$|公开日期|发布日期|生成日期|成文日期|文号)/.exec(
      b.text,
    );
    if (m?.[1]) return m[1];
  }
  const signed = signatureName(src.blocks);
  if (signed) return signed;
  const source = src.meta.ContentSource;
  if (source && source.length <= 40 && BODY_NAME_RE.test(source.trim())) return source.trim();
  // "如对本报告有疑问，请与××办公室联系" names the office that answers questions, not always the body:
  // only a township's or a department's own name is taken from it
  for (const b of textBlocks(src.blocks)) {
    const m = /(?:可|请)?与\s*([^，。,（(]{2,30}?)\s*联系/.exec(b.text);
    const name = m?.[1]?.replace(/^[“"]|[”"]$/g, '');
    if (
      name &&
      /(镇|乡|街道|局|委|中心|管委会|院|厅)(人民政府)?$/.test(name) &&
      !/办公室$|办公厅$/.test(name)
    )
      return name;
  }
  return null;
}

/** The body named in the closing signature: a name standing alone above (or before) the date. */
function signatureName(blocks: Block[]): string | null {
  const tail = textBlocks(blocks).slice(-8);
  for (let i = tail.length - 1; i >= 0; i--) {
    const t = toHalfWidth((tail[i] as TextBlock).text).replace(/\s+/g, '');
    const inline = /^(.{2,30}?)(\d{4})年\d{1,2}月\d{1,2}日$/.exec(t);
    if (inline?.[1] && BODY_NAME_RE.test(inline[1])) return inline[1];
    if (/^[(（]?\d{4}年\d{1,2}月\d{1,2}日[)）]?$/.test(t)) {
      const above = toHalfWidth((tail[i - 1] as TextBlock | undefined)?.text ?? '').replace(/\s+/g, '');
      if (above.length >= 2 && above.length <= 30 && BODY_NAME_RE.test(above) && !/[，。；：]/.test(above))
        return above;
    }
  }
  return null;
}

const PUB_LABEL_RE =
  /(发布|公开|生成|上传|发文|信息公开)(时间|日期)\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/;

export function findPublished(src: SourceDoc): FoundDate | null {
  for (const b of src.blocks) {
    if (b.kind === 'image') continue;
    const m = PUB_LABEL_RE.exec(toHalfWidth(b.text));
    if (!m) continue;
    const date = { y: Number(m[3]), m: Number(m[4]), d: Number(m[5]) };
    if (!validYmd(date)) continue;
    return { date, source: b.kind === 'table' ? 'attribute-table' : 'label', block: b.index, raw: m[0] };
  }
  for (const name of ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime']) {
    const v = src.meta[name];
    const m = v ? /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(v) : null;
    if (m) {
      const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
      if (validYmd(date)) return { date, source: 'meta', block: null, raw: `${name}=${v}` };
    }
  }
  if (src.url) {
    const u = src.url;
    const trs = /\/t(20\d{2})(\d{2})(\d{2})_\d+/.exec(u);
    const han = /\/art\/(20\d{2})\/(\d{1,2})\/(\d{1,2})\//.exec(u);
    const m = trs ?? han;
    if (m) {
      const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
      if (validYmd(date)) return { date, source: 'url', block: null, raw: u };
    }
  }
  return null;
}

export function findIndexNumber(src: SourceDoc): { value: string; year: number | null } | null {
  for (const b of src.blocks) {
    // 索 is not changed by toHalfWidth: a block without it is never converted
    if (b.kind === 'image' || !b.text.includes('索')) continue;
    const m =
      /索\s*引\s*号\s*[:：]?\s*([0-9A-Za-z][0-9A-Za-z\-_]*\s*\/\s*\d{4}-\d+|[0-9A-Za-z\-_/]{6,})/.exec(
        toHalfWidth(b.text),
      );
    if (m?.[1]) {
      const value = m[1].replace(/\s/g, '');
      const y = /\/(\d{4})-\d+/.exec(value);
      return { value, year: y ? Number(y[1]) : null };
    }
  }
  return null;
}

/** The closing signature date (落款): a date standing alone in the last lines of the report. */
export function findSignatureDate(blocks: Block[], from: number): Signature | null {
  const tail = textBlocks(blocks)
    .filter((b) => b.index >= from)
    .slice(-6);
  for (let i = tail.length - 1; i >= 0; i--) {
    const b = tail[i] as TextBlock;
    const m = /^(?:[^\d，。]{2,30}\s+)?(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(
      toHalfWidth(b.text),
    );
    if (m) {
      const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
      if (validYmd(date)) return { date, block: b.index, raw: b.text };
    }
  }
  return null;
}

/**
 * What a 年报 column says about its bodies (DOMAIN.md §1, §11): per body × year, present or missing; each
 * listed report's date against the deadline for the body's kind; the same year twice. The list's own dates
 * are what the site shows, not the page's: a late date from the list is a warning that asks to check the page.
 */

import { compareYmd, parseYmd, type Ymd, ymdString } from '../detect/meta';
import { daysBetween, deadlineFor } from '../format/deadlines';
import type { BodyKind, I18nText, Severity } from '../model/schema';
import type { ColumnEntry } from './list';

export type ColumnFindingKind = 'overdue' | 'missing-year' | 'late' | 'duplicate';

export interface ColumnFinding {
  /** Stable: kind:agency:year. */
  id: string;
  kind: ColumnFindingKind;
  severity: Severity;
  /** The body (null: the column's own body, when titles name only the year). */
  agency: string | null;
  year: number;
  title: I18nText;
  message: I18nText;
  basis: I18nText;
  fix: I18nText;
  /** URLs of the entries involved (none for a missing year). */
  urls: string[];
}

export interface ColumnCell {
  year: number;
  entries: ColumnEntry[];
  /** present | missing (past its deadline) | not-due (deadline not passed yet). */
  state: 'present' | 'missing' | 'not-due';
  /** The first entry's date against its deadline, when the list shows a date. */
  timeliness: 'on-time' | 'late' | 'unknown' | null;
}

export interface ColumnBody {
  agency: string | null;
  bodyKind: BodyKind;
  cells: ColumnCell[];
}

export interface ColumnAnalysis {
  bodies: ColumnBody[];
  years: number[];
  findings: ColumnFinding[];
}

const TITLES: Record<ColumnFindingKind, I18nText> = {
  overdue: { zh: '年报逾期未发布', en: 'Report overdue' },
  'missing-year': { zh: '栏目缺少年度报告', en: 'A year is missing from the column' },
  late: { zh: '年报发布晚于期限', en: 'Report published after the deadline' },
  duplicate: { zh: '同一年度报告重复发布', en: 'Same year listed twice' },
};

const FIXES: Record<ColumnFindingKind, I18nText> = {
  overdue: {
    zh: '尽快发布该年度报告；如已在其他栏目发布，应同时在年报栏目公开。',
    en: 'Publish the report; if it was posted elsewhere, list it in the report column too.',
  },
  'missing-year': {
    zh: '补充发布该年度报告，或核实是否因机构变更而无需发布，并在栏目中说明。',
    en: 'Publish the missing report, or state in the column why none is due (e.g. the body was reorganised).',
  },
  late: {
    zh: '核对报告页面的发布日期；今后按期发布。',
    en: 'Check the publication date on the report page; publish on time from now on.',
  },
  duplicate: {
    zh: '保留一篇，删除或注明更正的另一篇。',
    en: 'Keep one and remove the other, or mark it as a correction.',
  },
};

function label(agency: string | null): { zh: string; en: string } {
  return agency ? { zh: agency, en: agency } : { zh: '本栏目', en: 'this column' };
}

/** Kind of the body from its entries: the one most titles give. */
function kindOf(entries: ColumnEntry[]): BodyKind {
  const counts = new Map<BodyKind, number>();
  for (const e of entries) counts.set(e.bodyKind, (counts.get(e.bodyKind) ?? 0) + 1);
  let best: BodyKind = 'unknown';
  let n = 0;
  for (const [k, c] of counts) if (k !== 'unknown' && c > n) [best, n] = [k, c];
  return best;
}

const KIND_ASSUMPTION: Record<BodyKind, I18nText> = {
  department: { zh: '按县级以上政府部门（1月31日）', en: 'as a department (31 January)' },
  government: { zh: '按本级政府年报（3月31日）', en: 'as a government’s region-wide report (31 March)' },
  township: {
    zh: '按乡镇、街道（1月31日，最迟3月31日）',
    en: 'as a township (31 January, 31 March at the latest)',
  },
  unknown: {
    zh: '机关类型不明，按1月31日（最迟3月31日）',
    en: 'body kind unknown: 31 January (31 March at the latest)',
  },
};

/**
 * Analyse the entries of a column (all its pages) as of `now`. `firstYear` bounds the years expected
 * (default: the earliest listed year of each body; never before 2008, the first year of the regulation).
 */
export function analyzeColumn(
  entries: ColumnEntry[],
  now: Ymd,
  opts: { firstYear?: number } = {},
): ColumnAnalysis {
  const groups = new Map<string, ColumnEntry[]>();
  for (const e of entries) {
    if (e.year === null) continue;
    const k = e.agency ?? '';
    const g = groups.get(k);
    if (g) g.push(e);
    else groups.set(k, [e]);
  }
  const findings: ColumnFinding[] = [];
  const bodies: ColumnBody[] = [];
  const allYears = new Set<number>();
  for (const [key, list] of groups) {
    const agency = key || null;
    const bodyKind = kindOf(list);
    const who = label(agency);
    const years = list.map((e) => e.year as number);
    const first = Math.max(2008, opts.firstYear ?? Math.min(...years));
    const newestDue = latestDueYear(now, bodyKind);
    const last = Math.max(newestDue, ...years);
    const cells: ColumnCell[] = [];
    for (let y = first; y <= last; y++) {
      allYears.add(y);
      const here = list.filter((e) => e.year === y);
      const deadline = deadlineFor(y, bodyKind);
      const due = compareYmd(now, deadline.hard) > 0;
      if (here.length === 0) {
        cells.push({ year: y, entries: [], state: due ? 'missing' : 'not-due', timeliness: null });
        if (!due) continue;
        const overdue = y === newestDue;
        const kind: ColumnFindingKind = overdue ? 'overdue' : 'missing-year';
        findings.push({
          id: `${kind}:${key}:${y}`,
          kind,
          severity: 'warning',
          agency,
          year: y,
          title: TITLES[kind],
          message: overdue
            ? {
                zh: `${who.zh}：${y} 年度报告应于 ${ymdString(deadline.hard)} 前发布（${KIND_ASSUMPTION[bodyKind].zh}），今天（${ymdString(now)}）栏目中仍未见，已逾期 ${daysBetween(deadline.hard, now)} 天。`,
                en: `${who.en}: the ${y} report was due by ${ymdString(deadline.hard)} (${KIND_ASSUMPTION[bodyKind].en}) and is not in the column today (${ymdString(now)}), ${daysBetween(deadline.hard, now)} days overdue.`,
              }
            : {
                zh: `${who.zh}：栏目中有 ${first}–${last} 年间其他年度的报告，缺少 ${y} 年度报告。`,
                en: `${who.en}: the column lists reports of other years between ${first} and ${last} but none for ${y}.`,
              },
          basis: deadline.basis,
          fix: FIXES[kind],
          urls: [],
        });
        continue;
      }
      const e = here[0] as ColumnEntry;
      const date = e.publishedAt ? parseYmd(e.publishedAt) : null;
      let timeliness: ColumnCell['timeliness'] = date ? 'on-time' : 'unknown';
      if (date && compareYmd(date, deadline.soft) > 0) {
        timeliness = 'late';
        findings.push({
          id: `late:${key}:${y}`,
          kind: 'late',
          severity: 'warning',
          agency,
          year: y,
          title: TITLES.late,
          message: {
            zh: `${who.zh}：${y} 年度报告在栏目中的日期为 ${e.publishedAt}，晚于 ${ymdString(deadline.soft)}（${KIND_ASSUMPTION[bodyKind].zh}）${daysBetween(deadline.soft, date)} 天；栏目日期可能是更新日期，请以报告页面的发布日期为准。`,
            en: `${who.en}: the column dates the ${y} report ${e.publishedAt}, ${daysBetween(deadline.soft, date)} days after ${ymdString(deadline.soft)} (${KIND_ASSUMPTION[bodyKind].en}); a list date may be an update date: check the report page.`,
          },
          basis: deadline.basis,
          fix: FIXES.late,
          urls: [e.url],
        });
      }
      cells.push({ year: y, entries: here, state: 'present', timeliness });
      if (here.length > 1) {
        const correction = here.some((x) => /更正|修订|修改|重新发布/.test(x.title));
        findings.push({
          id: `duplicate:${key}:${y}`,
          kind: 'duplicate',
          severity: correction ? 'info' : 'warning',
          agency,
          year: y,
          title: TITLES.duplicate,
          message: {
            zh: `${who.zh}：${y} 年度报告在栏目中出现 ${here.length} 次${correction ? '（其中一篇注明更正或修订）' : ''}：${here.map((x) => `“${x.title}”${x.publishedAt ? `（${x.publishedAt}）` : ''}`).join('、')}。`,
            en: `${who.en}: the ${y} report is listed ${here.length} times${correction ? ' (one marked as a correction)' : ''}.`,
          },
          basis: {
            zh: '《政府信息公开条例》第四十九条：每年公布一份上一年度工作年度报告',
            en: 'Regulation art. 49: one report a year',
          },
          fix: FIXES.duplicate,
          urls: here.map((x) => x.url),
        });
      }
    }
    bodies.push({ agency, bodyKind, cells });
  }
  const byName = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '', 'zh');
  bodies.sort((a, b) => byName(a.agency, b.agency));
  findings.sort((a, b) => byName(a.agency, b.agency) || a.year - b.year);
  return { bodies, years: [...allYears].sort((a, b) => a - b), findings };
}

/** The newest report year whose (hard) deadline has passed by `now`. */
export function latestDueYear(now: Ymd, kind: BodyKind): number {
  const y = now.y - 1;
  return compareYmd(now, deadlineFor(y, kind).hard) > 0 ? y : y - 1;
}

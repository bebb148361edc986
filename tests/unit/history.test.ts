import { describe, expect, it } from 'vitest';
import { problemsOf } from '../../lib/history/problems';
import { copiedRuns, jaccard, trigrams } from '../../lib/history/similarity';
import { agencyKey, contactOf, ReportSnapshot } from '../../lib/history/snapshot';
import { COPY_THRESHOLD } from '../../lib/rules/history/history-copied-text';
import { OWN, previousYear } from '../fixtures/history';
import { simpleT2 } from '../fixtures/report-html';

describe('snapshot', () => {
  it('keeps identity, figures, exactness, sections 一 and 五, contact, counts; and is serialisable', () => {
    const snap = previousYear({ t2: { ...simpleT2(5), forward: [1, 0, 0, 0, 0, 0, 1] } });
    expect(ReportSnapshot.safeParse(JSON.parse(JSON.stringify(snap))).success).toBe(true);
    expect(snap).toMatchObject({
      agency: '示例县市场监督管理局',
      agencyKey: '示例县市场监督管理局',
      year: 2023,
      publishedAt: '2024-01-20',
      exact: { t1: true, t2: true, t3: true },
      contact: { address: '示例县人民路1号', postcode: '100000', phone: '010-12345678' },
    });
    expect(snap.figures['t2:forward:np']).toBe(1);
    expect(snap.sections['5']).toContain('基层站所信息报送积极性不高');
    expect(snap.sections['6']).toBeUndefined();
  });

  it('matches a body across spellings', () => {
    expect(agencyKey('示例县 人民政府')).toBe(agencyKey('示例县政府'));
    expect(contactOf('邮政编码：２７７２００，联系电话：0632-8611103')).toEqual({
      address: null,
      postcode: '277200',
      phone: '0632-8611103',
    });
  });
});

describe('similarity and problems', () => {
  it('two genuinely written years stay well under the copy threshold', () => {
    // short fixture sections share their sub-headings and the problems followed up: still under 0.5
    const five = (y: 2023 | 2024) => trigrams((OWN[y][5] ?? []).join(''));
    expect(jaccard(five(2023), five(2024))).toBeLessThan(COPY_THRESHOLD);
  });

  it('reads digits as 0 and drops punctuation, so changed years still match; runs map to the original', () => {
    const a = trigrams('2023年，全年主动公开信息120条。');
    const b = trigrams('2024年  全年主动公开信息 98 条');
    expect(jaccard(a, b)).toBeGreaterThan(0.7);
    const text = '新内容在此。2024年，全年主动公开信息120条，均按期发布。';
    const runs = copiedRuns(text, trigrams('2023年，全年主动公开信息99条，均按期发布。'), 10);
    expect(runs).toHaveLength(1);
    expect(text.slice(runs[0]?.start, runs[0]?.end)).toBe('2024年，全年主动公开信息120条，均按期发布。');
  });

  it('lists a report’s own problems, not its account of the year before', () => {
    const text =
      '（一）2022年度存在问题改进情况\n针对信息更新不及时的问题，已建立制度。\n（二）2023年度存在的主要问题\n一是解读形式较为单一；二是业务能力有待提升。';
    expect(problemsOf(text, 2023)).toEqual(['一是解读形式较为单一', '二是业务能力有待提升']);
  });
});

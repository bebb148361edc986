import { describe, expect, it } from 'vitest';
import { snapshotOf } from '../../lib/history/from-audit';
import { problemsOf } from '../../lib/history/problems';
import { copiedRuns, jaccard, trigrams } from '../../lib/history/similarity';
import { agencyKey, contactOf, ReportSnapshot } from '../../lib/history/snapshot';
import type { Finding } from '../../lib/model/schema';
import { COPY_THRESHOLD } from '../../lib/rules/history/history-copied-text';
import { type ReportSpec, reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const history = (fs: Finding[]) => fs.filter((f) => f.category === 'history');
const show = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.ruleId}: ${f.message.zh}`).join('\n');

/** Genuinely different narrative sections for two years (as real reports have). */
const OWN: Record<number, Partial<Record<number, string[]>>> = {
  2023: {
    1: [
      '2023年，本局围绕优化营商环境，集中公开涉企政策文件，编制公开目录并逐项核对。',
      '（一）主动公开。全年在门户网站发布各类信息，重点做好市场主体登记数据的定期发布。',
    ],
    5: [
      '（一）2022年度存在问题改进情况。已整改完毕。',
      '（二）2023年度存在的主要问题及改进措施。一是基层站所信息报送积极性不高；二是依申请公开答复文书格式不统一。',
    ],
  },
  2024: {
    1: [
      '2024年，本局把食品安全抽检结果公开作为重点，每月集中发布抽检信息，并开通网上查询。',
      '（一）主动公开。新设“你点我检”专栏，群众可提出抽检建议并查看结果。',
    ],
    5: [
      '（一）2023年度存在问题改进情况。针对基层站所信息报送积极性不高的问题，建立月度通报机制；针对答复文书格式不统一的问题，印发统一的答复文书范本。',
      '（二）2024年度存在的主要问题及改进措施。一是专栏栏目设置不够清晰；二是图解材料更新较慢。',
    ],
  },
};

function pair(prev: ReportSpec = {}, cur: ReportSpec = {}) {
  const before = auditHtml(reportPage({ year: 2023, bodies: OWN[2023], ...prev }));
  const snap = snapshotOf(
    before,
    'http://www.example.gov.cn/ndbg/2023.html',
    new Date('2026-01-01T00:00:00Z'),
  );
  const after = auditHtml(reportPage({ year: 2024, bodies: OWN[2024], ...cur }), { previous: snap });
  return { snap, after };
}

describe('snapshot', () => {
  it('keeps identity, figures, exactness, sections 一 and 五, contact, counts; and is serialisable', () => {
    const { snap } = pair({ t2: { ...simpleT2(5), forward: [1, 0, 0, 0, 0, 0, 1] } });
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

describe('cross-year rules', () => {
  it('are not applicable without the previous report, nor with another year or another body', () => {
    const alone = auditHtml(reportPage({ year: 2024 }));
    expect(alone.coverage.rules['history-carry-over']).toBe('not-applicable');
    const before = auditHtml(reportPage({ year: 2022 }));
    const snap = snapshotOf(before, 'http://x.gov.cn/2022.html');
    const gap = auditHtml(reportPage({ year: 2024 }), { previous: snap });
    expect(gap.coverage.rules['history-copied-text']).toBe('not-applicable');
    const other = snapshotOf(
      auditHtml(reportPage({ year: 2023, agency: '示例县教育局' })),
      'http://x.gov.cn/o.html',
    );
    expect(history(auditHtml(reportPage({ year: 2024 }), { previous: other }).findings)).toEqual([]);
  });

  it('say nothing of two consistent, genuinely written years', () => {
    const { after } = pair(
      { t2: { ...simpleT2(5), forward: [1, 0, 0, 0, 0, 0, 1] }, t1: { gf: [2, 0, 7] } },
      { t2: { ...simpleT2(5), carried: [1, 0, 0, 0, 0, 0, 1] }, t1: { gf: [3, 1, 9] } },
    );
    expect(history(after.findings), show(after.findings)).toEqual([]);
    for (const id of [
      'history-carry-over',
      'history-t1-continuity',
      'history-copied-text',
      'history-five-follow-through',
    ])
      expect(after.coverage.rules[id]).toBe('ran');
  });

  it('carry-over: names the column, both figures and the other report; an error when both were read whole', () => {
    const { after } = pair(
      { t2: { ...simpleT2(5), forward: [2, 0, 0, 0, 0, 0, 2] } },
      { t2: { ...simpleT2(5), carried: [1, 0, 0, 0, 0, 0, 1] } },
    );
    const f = after.findings.filter((x) => x.ruleId === 'history-carry-over');
    expect(
      f.map((x) => [x.id, x.severity, x.evidence?.expected, x.evidence?.found, x.evidence?.difference]),
    ).toEqual([
      ['history-carry-over:t2:carried:np', 'error', 2, 1, -1],
      ['history-carry-over:t2:carried:total', 'error', 2, 1, -1],
    ]);
    expect(f[0]?.message.zh).toBe(
      '“二、上年结转”自然人 1 ≠ 2023 年度报告（http://www.example.gov.cn/ndbg/2023.html）“四、结转下年度继续办理”自然人 2，差 -1',
    );
    expect(f[0]?.targets[0]).toMatchObject({ type: 'cell', key: 't2:carried:np' });
    expect(f[0]?.evidence?.quote).toBe('http://www.example.gov.cn/ndbg/2023.html');
  });

  it('carry-over: a warning when last year’s table was not read whole', () => {
    const { snap } = pair({ t2: { ...simpleT2(5), forward: [2, 0, 0, 0, 0, 0, 2] } });
    const partial = { ...snap, exact: { ...snap.exact, t2: false } };
    const out = auditHtml(reportPage({ year: 2024, bodies: OWN[2024] }), { previous: partial });
    expect(out.findings.filter((x) => x.ruleId === 'history-carry-over').map((x) => x.severity)).toEqual([
      'warning',
      'warning',
    ]);
  });

  it('table 1 continuity: a warning with the arithmetic; info when the text speaks of a clean-up', () => {
    const { after } = pair({ t1: { gf: [2, 0, 7] } }, { t1: { gf: [3, 1, 12] } });
    const f = after.findings.filter((x) => x.ruleId === 'history-t1-continuity');
    expect(f.map((x) => [x.severity, x.evidence?.expected, x.evidence?.found])).toEqual([['warning', 9, 12]]);
    expect(f[0]?.message.zh).toContain('行政规范性文件现行有效 12 ≠ 2023 年度报告');
    expect(f[0]?.message.zh).toContain('现行有效 7 + 本年制发 3 − 本年废止 1 = 9，差 3');
    expect(f[0]?.targets.map((t) => (t.type === 'cell' ? t.key : t.type))).toEqual([
      't1:gf:v3',
      't1:gf:v1',
      't1:gf:v2',
    ]);
    const cleaned = pair(
      { t1: { gf: [2, 0, 7] } },
      { t1: { gf: [3, 1, 12] }, extra: { 2: ['本年度开展行政规范性文件集中清理。'] } },
    ).after;
    expect(
      cleaned.findings.filter((x) => x.ruleId === 'history-t1-continuity').map((x) => x.severity),
    ).toEqual(['info']);
  });

  it('copied text: last year’s sections with the years changed are found, passages marked', () => {
    const same = {
      1: [
        '2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。',
        '（一）主动公开。通过门户网站、政务新媒体等渠道及时发布政策文件、工作动态和公示公告。',
      ],
    };
    const cur = {
      1: (same[1] ?? []).map((s) => s.replace('2023', '2024')),
    };
    const { after } = pair({ bodies: { ...OWN[2023], ...same } }, { bodies: { ...OWN[2024], ...cur } });
    const f = after.findings.filter((x) => x.ruleId === 'history-copied-text');
    expect(f.map((x) => [x.id, x.severity, x.evidence?.found])).toEqual([
      ['history-copied-text:section-1', 'warning', 100],
    ]);
    const texts = f[0]?.targets.filter((t) => t.type === 'text') ?? [];
    expect(texts.length).toBe(2);
    const block = after.extracted.blocks.find(
      (b) => b.kind === 'text' && b.text.startsWith('2024年，本局认真'),
    );
    const t0 = texts[0];
    // the whole sentence is last year's, up to its closing punctuation (not compared)
    expect(t0?.type === 'text' && block?.kind === 'text' && block.text.slice(t0.start, t0.end)).toBe(
      block?.kind === 'text' ? block.text.replace(/。$/, '') : '',
    );
  });

  it('copied text: the default fixture (one text, years changed) reads as copied; genuine years do not', () => {
    const before = auditHtml(reportPage({ year: 2023 }));
    const snap = snapshotOf(before, 'http://x.gov.cn/2023.html');
    const after = auditHtml(reportPage({ year: 2024 }), { previous: snap });
    expect(after.findings.filter((x) => x.ruleId === 'history-copied-text').map((x) => x.id)).toEqual([
      'history-copied-text:section-1',
      'history-copied-text:section-5',
    ]);
    // short fixture sections share their sub-headings and the problems followed up: still well under 0.5
    const genuine = jaccard(
      trigrams((OWN[2023]?.[5] ?? []).join('')),
      trigrams((OWN[2024]?.[5] ?? []).join('')),
    );
    expect(genuine).toBeLessThan(COPY_THRESHOLD);
  });

  it('section 五 follow-through: a warning when none of last year’s problems comes back', () => {
    const cur = {
      5: [
        '（一）2023年度存在问题改进情况。已全部整改到位。',
        '（二）2024年度存在的主要问题及改进措施。一是专栏栏目设置不够清晰；二是图解材料更新较慢。',
      ],
    };
    const { after } = pair({}, { bodies: { ...OWN[2024], ...cur } });
    const f = after.findings.filter((x) => x.ruleId === 'history-five-follow-through');
    expect(f.map((x) => [x.id, x.severity])).toEqual([
      ['history-five-follow-through:follow-through', 'warning'],
    ]);
    expect(f[0]?.message.zh).toContain(
      '第五部分列出 2 个问题（“一是基层站所信息报送积极性不高”；“二是依申请公开答复文书格式不统一”）',
    );
    expect(f[0]?.targets).toEqual([{ type: 'section', section: 5, block: expect.any(Number) }]);
  });

  it('contact: dropped or changed since last year (info)', () => {
    const { after } = pair(
      {},
      {
        intro:
          '本报告统计期限自2024年1月1日起至2024年12月31日止。如有疑问请联系（地址：示例县新华路9号，电话：010-12345678）。',
      },
    );
    const f = after.findings.filter((x) => x.ruleId === 'history-contact-changed');
    expect(f.map((x) => [x.id, x.severity])).toEqual([
      ['history-contact-changed:address', 'info'],
      ['history-contact-changed:postcode', 'info'],
    ]);
    expect(f[0]?.message.zh).toContain(
      '由2023 年度报告（http://www.example.gov.cn/ndbg/2023.html）的“示例县人民路1号”变为“示例县新华路9号”',
    );
    expect(f[1]?.targets).toEqual([{ type: 'page' }]);
  });
});

describe('similarity and problems', () => {
  it('reads digits as 0 and drops punctuation, so changed years still match; runs map to the original', () => {
    const a = trigrams('2023年，全年主动公开信息120条。');
    const b = trigrams('2024年  全年主动公开信息 98 条');
    expect(jaccard(a, b)).toBeGreaterThan(0.7);
    const text = '新内容在此。2024年，全年主动公开信息120条，均按期发布。';
    const runs = copiedRuns(text, trigrams('2023年，全年主动公开信息99条，均按期发布。'), 10);
    expect(runs).toHaveLength(1);
    expect(text.slice(runs[0]?.start, runs[0]?.end)).toBe('2024年，全年主动公开信息120条，均按期发布');
  });

  it('lists a report’s own problems, not its account of the year before', () => {
    const text =
      '（一）2022年度存在问题改进情况\n针对信息更新不及时的问题，已建立制度。\n（二）2023年度存在的主要问题\n一是解读形式较为单一；二是业务能力有待提升。';
    expect(problemsOf(text, 2023)).toEqual(['一是解读形式较为单一', '二是业务能力有待提升']);
  });
});

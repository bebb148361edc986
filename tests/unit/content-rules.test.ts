import { describe, expect, it } from 'vitest';
import { reportPage } from '../fixtures/report-html';
import { auditHtml, byRule } from '../helpers';

const withIntro = (intro: string) => reportPage({ intro });
const PERIOD = '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。';

describe('contact-postcode / contact-phone / contact-missing', () => {
  it('a 7-digit postcode is an error; 6 digits are fine', () => {
    expect(
      byRule(auditHtml(withIntro(`${PERIOD}联系电话：0533-3611001，邮编：2561114。`)), 'contact-postcode'),
    ).toHaveLength(1);
    expect(
      byRule(auditHtml(withIntro(`${PERIOD}联系电话：0533-3611001，邮编：256111。`)), 'contact-postcode'),
    ).toEqual([]);
  });
  it('a phone without area code warns; area codes, mobiles and hotlines do not', () => {
    expect(
      byRule(auditHtml(withIntro(`${PERIOD}电话：3611001；传真：3611008。`)), 'contact-phone'),
    ).toHaveLength(2);
    for (const p of ['0533-3611001', '(0533)3611001', '13912345678', '12345']) {
      expect(byRule(auditHtml(withIntro(`${PERIOD}电话：${p}。`)), 'contact-phone'), p).toEqual([]);
    }
  });
  it('no contact details at all', () => {
    expect(byRule(auditHtml(withIntro(PERIOD)), 'contact-missing')).toHaveLength(1);
    expect(byRule(auditHtml(reportPage({})), 'contact-missing')).toEqual([]);
  });
});

describe('content-placeholder', () => {
  it('finds blanks left in the text and empty download brackets', () => {
    const out = auditHtml(reportPage({ extra: { 1: ['全年主动公开政府信息  条，可在网站下载（）。'] } }));
    expect(byRule(out, 'content-placeholder').map((f) => f.evidence?.quote)).toEqual(['息 条', '下载（）']);
  });
  it('silent on ordinary text', () => {
    expect(byRule(auditHtml(reportPage({})), 'content-placeholder')).toEqual([]);
  });
});

describe('content-conversion-artefact', () => {
  it('finds [bookmark: _GoBack]', () => {
    const out = auditHtml(reportPage({ extra: { 1: ['[bookmark: _GoBack]本局持续推进公开。'] } }));
    expect(byRule(out, 'content-conversion-artefact')).toHaveLength(1);
  });
  it('finds text starting mid-sentence when the title and introduction were lost', () => {
    const page = reportPage({
      intro: '(<http://www.example.gov.cn>) 下载。如对本报告有疑问，请与本局联系（电话：010-12345678）。',
      shape: 'plain',
      title: '',
    });
    const out = auditHtml(page.replace(/<title>.*<\/title>|<h1>.*?<\/h1>/g, ''));
    expect(byRule(out, 'content-conversion-artefact').map((f) => f.id)).toContain(
      'content-conversion-artefact:mid-sentence',
    );
  });
  it('silent on a clean report', () => {
    expect(byRule(auditHtml(reportPage({})), 'content-conversion-artefact')).toEqual([]);
  });
});

describe('content-rules-without-power', () => {
  it('a township reporting rules made this year', () => {
    const out = auditHtml(reportPage({ agency: '示例县城关镇人民政府', t1: { gz: [1, 0, 1] } }));
    expect(byRule(out, 'content-rules-without-power')).toHaveLength(1);
  });
  it('a provincial government may make rules', () => {
    const out = auditHtml(reportPage({ agency: '示例省人民政府', t1: { gz: [3, 1, 40] } }));
    expect(byRule(out, 'content-rules-without-power')).toEqual([]);
  });
});

describe('content-fee-unit', () => {
  it('"元" in the fee cell', () => {
    expect(byRule(auditHtml(reportPage({ t1: { fee: '1200元' } })), 'content-fee-unit')).toHaveLength(1);
    expect(byRule(auditHtml(reportPage({ t1: { fee: '0.12' } })), 'content-fee-unit')).toEqual([]);
  });
});

describe('content-self-reference', () => {
  it('"我处" in a township report', () => {
    const out = auditHtml(
      reportPage({
        agency: '示例县城关镇人民政府',
        extra: { 5: ['把政府信息公开贯穿于我处工作的全过程。'] },
      }),
    );
    expect(byRule(out, 'content-self-reference')).toHaveLength(1);
  });
  it('silent on "我镇" in a township report and on "我局" in a bureau’s', () => {
    expect(
      byRule(
        auditHtml(reportPage({ agency: '示例县城关镇人民政府', extra: { 5: ['我镇将加强培训。'] } })),
        'content-self-reference',
      ),
    ).toEqual([]);
    expect(
      byRule(
        auditHtml(reportPage({ extra: { 5: ['我局将加强培训，做好信息处理工作。'] } })),
        'content-self-reference',
      ),
    ).toEqual([]);
  });
});

describe('content-enumeration-gap', () => {
  it('"一是…三是" without 二是', () => {
    const out = auditHtml(reportPage({ extra: { 1: ['一是完善制度。三是强化监督。'] } }));
    expect(byRule(out, 'content-enumeration-gap')).toHaveLength(1);
  });
  it('silent on complete lists, across paragraphs too', () => {
    const out = auditHtml(
      reportPage({ extra: { 1: ['一是完善制度。', '二是加强培训。', '三是强化监督。'] } }),
    );
    expect(byRule(out, 'content-enumeration-gap')).toEqual([]);
  });
});

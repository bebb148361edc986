/**
 * The real report texts and the saved page in ../shared (reference material, not part of the repo): when
 * present, the defects their READMEs list must be found and no sum error raised. On a machine without
 * ../shared these tests do not run; the project's own fixtures cover the same shapes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditHtml, auditTxt, show } from '../helpers';

const SHARED = resolve(__dirname, '../../../shared');
const seed = (name: string) => readFileSync(join(SHARED, 'seeds', name), 'utf8');
const rules = (out: ReturnType<typeof auditTxt>) => out.findings.map((f) => f.ruleId);

describe.runIf(existsSync(join(SHARED, 'seeds')))('the five real report texts (../shared/seeds)', () => {
  it('000 桑村镇 2024: lost ordinal of 三 found; year from the period; no sum error', () => {
    const out = auditTxt(seed('000_6fe270814bd4ced8.txt'));
    expect(out.report.reportYear).toBe(2024);
    expect(out.report.yearSource).toBe('period');
    expect(rules(out)).toContain('section-numbering');
    expect(rules(out)).not.toContain('contact-postcode');
    expect(rules(out)).not.toContain('contact-phone');
    expect(rules(out)).not.toContain('section-five-last-year');
    expect(rules(out)).not.toContain('section-six-items');
    expect(
      out.findings.filter((f) => f.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
  });
  it('001 西集镇 2024: starts mid-sentence, 一 heading lost, rows with lost cells are not verifiable', () => {
    const out = auditTxt(seed('001_5fcc88b913dedf7f.txt'));
    expect(rules(out)).toContain('content-conversion-artefact');
    expect(rules(out)).toContain('section-missing');
    expect(rules(out)).toContain('extraction-lost-cells');
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
  });
  it('002 大张庄镇 2024: 7-digit postcode, phones without area code, no last-year account; narrative consistent', () => {
    const out = auditTxt(seed('002_6b2723ef25cb24a6.txt'));
    const r = rules(out);
    expect(r).toContain('contact-postcode');
    expect(r.filter((x) => x === 'contact-phone').length).toBeGreaterThanOrEqual(1);
    expect(r).toContain('section-five-last-year');
    expect(r).not.toContain('narrative-applications');
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
  });
  it('003 安棚镇 2024: no period or contact, no last-year account, 我处, 一是…三是, 六 = 无', () => {
    const out = auditTxt(seed('003_0b5f7dfbc2c1884c.txt'));
    const r = rules(out);
    for (const id of [
      'year-period',
      'contact-missing',
      'section-five-last-year',
      'content-self-reference',
      'content-enumeration-gap',
      'section-six-items',
    ]) {
      expect(r, id).toContain(id);
    }
    expect(out.findings.find((f) => f.ruleId === 'section-six-items')?.severity).toBe('error');
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
  });
  it('004 桑村乡 2025: 一 twice, stray 二, 六 = 无, no period or contact, lost cells', () => {
    const out = auditTxt(seed('004_e679e7b49cfc6ec0.txt'));
    const r = rules(out);
    for (const id of [
      'section-duplicate',
      'section-numbering',
      'section-six-items',
      'year-period',
      'contact-missing',
      'extraction-lost-cells',
    ]) {
      expect(r, id).toContain(id);
    }
    expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
  });
});

describe.runIf(existsSync(join(SHARED, 'fixtures', 'shuyang-fgj-2023.html')))(
  'the saved page (../shared/fixtures)',
  () => {
    it('沭阳县发改局 2023: a county department, on time, sums hold, blank cells not stated', () => {
      const out = auditHtml(readFileSync(join(SHARED, 'fixtures', 'shuyang-fgj-2023.html'), 'utf8'));
      expect(out.report).toMatchObject({
        isReport: true,
        reportYear: 2023,
        bodyKind: 'department',
        publishedAt: '2024-01-17',
      });
      expect(rules(out)).not.toContain('year-publication');
      expect(out.findings.filter((f) => f.category === 'sum')).toEqual([]);
      const unverifiable = out.findings.find((f) => f.ruleId === 'extraction-unverifiable-sums');
      expect(unverifiable?.severity).toBe('info');
      expect(out.report.tables.find((t) => t.kind === 't2')?.rows[0]?.cells.map((c) => c.value)).toEqual([
        26,
        null,
        null,
        null,
        null,
        null,
        26,
      ]);
    });
  },
);

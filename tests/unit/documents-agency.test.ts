/**
 * Who published the report (issue 8 §3): the title, the 信息公开 attribute table (发布机构), the
 * signature, <meta name="ContentSource">, in that order; the kind of body; the deadline's assumption when
 * the kind cannot be told.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyBody } from '../../lib/detect/meta';
import { reportLayoutText } from '../fixtures/documents';
import { auditHtml, auditTxt, byRule } from '../helpers';

const body = reportLayoutText({}).split('\n').slice(1).join('\n');

describe('agency and body kind', () => {
  it('classifies townships, departments (局 委 办 中心 管委会, a government office), governments', () => {
    const kinds = Object.fromEntries(
      [
        '示例县城关镇人民政府',
        '示例区东湖街道办事处',
        '示例县市场监督管理局',
        '上海市科委',
        '示例市政务服务中心',
        '示例经济开发区管委会',
        '示例市人民政府办公室',
        '示例省人民政府办公厅',
        '淮安市人民政府',
        '洪泽区人民政府',
        '平潭综合实验区',
      ].map((a) => [a, classifyBody(a)]),
    );
    expect(kinds).toEqual({
      示例县城关镇人民政府: 'township',
      示例区东湖街道办事处: 'township',
      示例县市场监督管理局: 'department',
      上海市科委: 'department',
      示例市政务服务中心: 'department',
      示例经济开发区管委会: 'department',
      示例市人民政府办公室: 'department',
      示例省人民政府办公厅: 'department',
      淮安市人民政府: 'government',
      洪泽区人民政府: 'government',
      平潭综合实验区: 'unknown',
    });
  });

  it('a title that starts with the year: the body on the line above, never the enquiry office', () => {
    const out = auditTxt(
      `淮安市人民政府\n2024年政府信息公开工作年度报告\n${body.replaceAll('示例县城关镇人民政府党政办公室', '淮安市人民政府办公室')}`,
    );
    expect(out.report.agency).toBe('淮安市人民政府');
    expect(out.report.bodyKind).toBe('government');
  });

  it('without a body in the title: the attribute table, then the signature, never "请与…办公室联系"', () => {
    const noName = body.replaceAll('示例县城关镇人民政府党政办公室', '示例县人民政府办公室');
    const attr = auditTxt(
      `发布机构：示例县水利局 生成日期：2025-01-20\n2024年政府信息公开工作年度报告\n${noName}`,
    );
    expect(attr.report.agency).toBe('示例县水利局');
    const signed = auditTxt(`2024年政府信息公开工作年度报告\n${noName}\n示例县水利局\n2025年1月20日\n`);
    expect(signed.report.agency).toBe('示例县水利局');
    const none = auditTxt(`2024年政府信息公开工作年度报告\n${noName}\n`);
    expect(none.report.agency).toBeNull();
  });

  it('a kind that cannot be told: the deadline finding says which deadline it assumed', () => {
    const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="PubDate" content="2025-03-08">
      <title>平潭综合实验区2024年度政府信息公开工作年度报告</title></head><body>
      <h1>平潭综合实验区2024年度政府信息公开工作年度报告</h1>${body
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('')}</body></html>`;
    const out = auditHtml(html);
    expect(out.report.agency).toBe('平潭综合实验区');
    expect(out.report.bodyKind).toBe('unknown');
    const f = byRule(out, 'year-publication')[0];
    expect(f?.severity).toBe('warning');
    expect(f?.message.zh).toMatch(/未能确定平潭综合实验区的机关类型.*3月31日.*按期/);
    expect(f?.message.en).toMatch(/could not be told.*31 March/);
  });
});

const REAL = resolve(__dirname, '../../../shared/fixtures/real');

describe.runIf(existsSync(REAL))('real pages (../shared/fixtures/real)', () => {
  it('pingtan 2023 and 2025: late as a department, on time as the region’s own report — said', () => {
    for (const name of ['pingtan-2023.html', 'pingtan-2025.html']) {
      const out = auditHtml(readFileSync(join(REAL, name), 'utf8'));
      expect(out.report.agency, name).toBe('平潭综合实验区');
      const f = byRule(out, 'year-publication')[0];
      expect(f?.severity, name).toBe('warning');
      expect(f?.message.zh, name).toMatch(/本级政府（区域）年度报告，期限为3月31日/);
    }
  });
});

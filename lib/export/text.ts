/**
 * Readable report (Markdown-flavoured plain text), zh-CN by default, en on request.
 */
import { numeralZh } from '../format/sections';
import type { AuditResult, Category, Lang, Locator, Severity } from '../model/schema';
import { counts } from '../summary';

const L = {
  zh: {
    report: '审核报告',
    notReport: '不是年度报告页面',
    year: '报告年度',
    agency: '报告机关',
    kind: '机关类型',
    published: '发布时间',
    findings: '发现的问题',
    none: '未发现问题。',
    coverage: '检查范围',
    tables: '表格',
    sections: '已找到的章节',
    cells: '单元格',
    basis: '依据',
    fix: '建议',
    where: '位置',
    unknown: '未知',
    partial: '（审核未全部完成）',
    stopped: '时间预算',
    stages: { read: '读取页面时用完', extract: '识别表格和章节时用完', rules: '运行检查时用完' },
    tooLong: '页面过长，未读完',
    blocksRead: '已读取段落、表格或图片',
    error: '无法审核',
  },
  en: {
    report: 'Audit report',
    notReport: 'Not an annual report page',
    year: 'Report year',
    agency: 'Agency',
    kind: 'Body kind',
    published: 'Published',
    findings: 'Findings',
    none: 'No findings.',
    coverage: 'Coverage',
    tables: 'Tables',
    sections: 'Sections found',
    cells: 'Cells',
    basis: 'Basis',
    fix: 'Fix',
    where: 'Where',
    unknown: 'unknown',
    partial: ' (audit incomplete)',
    stopped: 'Time budget',
    tooLong: 'page too long, not read to its end',
    stages: {
      read: 'ran out reading the page',
      extract: 'ran out recognising tables and sections',
      rules: 'ran out running the checks',
    },
    blocksRead: 'paragraphs, tables or images read',
    error: 'Could not audit',
  },
} as const;

const SEV: Record<Lang, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export const CATEGORY_NAMES: Record<Lang, Record<Category, string>> = {
  zh: {
    sum: '合计',
    section: '章节',
    year: '年份与时限',
    template: '格式版本',
    consistency: '正文与表格',
    history: '跨年度',
    content: '内容',
    extraction: '无法核验',
  },
  en: {
    sum: 'sums',
    section: 'sections',
    year: 'years and deadlines',
    template: 'template',
    consistency: 'narrative vs tables',
    history: 'across years',
    content: 'content',
    extraction: 'not verifiable',
  },
};

const KIND: Record<Lang, Record<string, string>> = {
  zh: {
    township: '乡镇/街道',
    department: '县级以上政府部门',
    government: '县级以上人民政府',
    unknown: '未知',
  },
  en: {
    township: 'township/street',
    department: 'government department',
    government: 'people’s government',
    unknown: 'unknown',
  },
};

export function locatorText(loc: Locator, lang: Lang): string {
  switch (loc.type) {
    case 'cell':
      return loc.label;
    case 'text':
      return lang === 'zh' ? `正文“${loc.excerpt}”` : `text “${loc.excerpt}”`;
    case 'section':
      return lang === 'zh' ? `第${numeralZh(loc.section) ?? '?'}部分` : `section ${loc.section}`;
    default:
      return lang === 'zh' ? '整页' : 'page';
  }
}

export function formatText(source: string, result: AuditResult, lang: Lang = 'zh'): string {
  const t = L[lang];
  const r = result.report;
  const lines: string[] = [];
  lines.push(`# ${t.report}: ${source}`);
  if (r.title) lines.push(`**${r.title}**`);
  if (!r.isReport) {
    lines.push('', `${t.notReport} (${r.reason})`);
  }
  lines.push(
    '',
    `- ${t.year}: ${r.reportYear ?? t.unknown}`,
    `- ${t.agency}: ${r.agency ?? t.unknown} (${KIND[lang][r.bodyKind]})`,
    `- ${t.published}: ${r.publishedAt ?? t.unknown}`,
  );
  const c = counts(result);
  lines.push(
    '',
    `## ${t.findings}: ${SEV[lang].error} ${c.error} · ${SEV[lang].warning} ${c.warning} · ${SEV[lang].info} ${c.info}${result.coverage.partial ? t.partial : ''}`,
  );
  if (result.findings.length === 0) lines.push('', t.none);
  result.findings.forEach((f, i) => {
    lines.push(
      '',
      `${i + 1}. [${SEV[lang][f.severity]}] ${f.title[lang]} (${f.ruleId}, ${CATEGORY_NAMES[lang][f.category]})`,
    );
    lines.push(`   ${f.message[lang]}`);
    if (f.evidence?.formula && !f.message[lang].includes(f.evidence.formula[lang]))
      lines.push(`   = ${f.evidence.formula[lang]}`);
    const where = f.targets.slice(0, 3).map((l) => locatorText(l, lang));
    if (where.length) lines.push(`   ${t.where}: ${where.join('; ')}${f.targets.length > 3 ? ' …' : ''}`);
    lines.push(`   ${t.basis}: ${f.basis[lang]}`, `   ${t.fix}: ${f.fix[lang]}`);
  });
  const cov = result.coverage;
  lines.push(
    '',
    `## ${t.coverage}`,
    `- ${t.tables}: ${Object.entries(cov.tables)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`,
    `- ${t.sections}: ${cov.sectionsFound.join(', ') || '—'}`,
    `- ${t.cells}: ${Object.entries(cov.cells)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  if (cov.stopped) {
    const { reason, budgetMs, stage, blocksRead } = cov.stopped;
    const what =
      reason === 'size'
        ? t.tooLong
        : lang === 'zh'
          ? `${t.stopped}：${budgetMs ?? '?'} 毫秒，${t.stages[stage]}`
          : `${t.stopped}: ${budgetMs ?? '?'} ms, ${t.stages[stage]}`;
    lines.push(
      lang === 'zh'
        ? `- ${what}（${t.blocksRead} ${blocksRead}）`
        : `- ${what} (${t.blocksRead}: ${blocksRead})`,
    );
  }
  return lines.join('\n');
}

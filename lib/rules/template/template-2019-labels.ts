import { labelCellKey } from '../../extract/tables';
import { FORMAT_2021_FROM, LABELS_2019, TABLE_KINDS, TABLES } from '../../format';
import type { Locator } from '../../model/schema';
import { defineRule, type RuleFinding, zhEn } from '../types';

export default defineRule({
  id: 'template-2019-labels',
  category: 'template',
  severity: 'error',
  title: zhEn('使用了已废止的2019年版格式', 'Superseded 2019 template used'),
  basis: zhEn(
    '国办公开办函〔2021〕30号自2021年度年报起施行，替代国办公开办函〔2019〕60号（仅适用于2019、2020年度年报）',
    '国办公开办函〔2021〕30号 applies from the 2021 report on and replaced the 2019 format (60号, for the 2019 and 2020 reports only)',
  ),
  fix: zhEn(
    '按2021年版格式重新制作统计表（如表一用“本年制发件数、本年废止件数、现行有效件数”，行名为“行政规范性文件”）。',
    'Redo the tables in the 2021 format (e.g. table 1 columns 本年制发件数 / 本年废止件数 / 现行有效件数, row 行政规范性文件).',
  ),
  check(ctx) {
    const y = ctx.year;
    if (!y || y < FORMAT_2021_FROM) return [];
    const out: RuleFinding[] = [];
    for (const kind of TABLE_KINDS) {
      const t = ctx.table(kind);
      if (!t) continue;
      const hits = LABELS_2019.filter((l) => t.labels.some((x) => l.match.test(x)));
      if (hits.length === 0) continue;
      const structural = hits.filter((h) => !h.variant);
      const targets: Locator[] = hits.flatMap((h) => {
        const label = t.labels.find((x) => h.match.test(x)) ?? h.label;
        return [
          {
            type: 'cell',
            table: kind,
            key: labelCellKey(kind, label),
            label: `${TABLES[kind].short.zh} ${label}`,
          },
        ];
      });
      const names = hits.map((h) => `“${h.label}”`).join('、');
      out.push({
        key: kind,
        severity: structural.length > 0 ? 'error' : 'warning',
        message:
          structural.length > 0
            ? zhEn(
                `${y}年度报告的${TABLES[kind].short.zh}使用了2019年版格式的标签：${names}。`,
                `The ${y} report’s ${TABLES[kind].short.en} uses labels of the 2019 format: ${names}.`,
              )
            : zhEn(
                `${y}年度报告的${TABLES[kind].short.zh}沿用了2019年版的行名${names}（2021年版为“行政规范性文件”）。`,
                `The ${y} report’s ${TABLES[kind].short.en} keeps the 2019 row name ${names} (2021: 行政规范性文件).`,
              ),
        targets,
      });
    }
    return out;
  },
});

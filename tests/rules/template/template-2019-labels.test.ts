import { expect } from 'vitest';
import rule from '../../../lib/rules/template/template-2019-labels';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

const t2019 = { ...simpleT2(1), o: [0, 0, 0, 0, 0, 0, 0] };

ruleTester(rule, {
  valid: [
    {
      name: 'the 2019 template in a 2019 report is correct',
      html: reportPage({ year: 2019, template: '2019', t2: t2019 }),
      also: (out) => {
        expect(
          out.findings.filter(
            (f) => f.category === 'template' || (f.category === 'sum' && f.severity !== 'info'),
          ),
        ).toEqual([]);
      },
    },
    {
      name: 'the 2019 template in a 2020 report is correct',
      html: reportPage({ year: 2020, template: '2019', t2: t2019 }),
      also: (out) => {
        expect(
          out.findings.filter(
            (f) => f.category === 'template' || (f.category === 'sum' && f.severity !== 'info'),
          ),
        ).toEqual([]);
      },
    },
    {
      name: 'a 2021-format report',
      html: reportPage({}),
      also: (out) => expect(out.findings.filter((f) => f.category === 'template')).toEqual([]),
    },
  ],
  invalid: [
    {
      name: 'the 2019 template in a 2023 report names the labels and their cells',
      html: reportPage({ year: 2023, template: '2019' }),
      findings: [
        {
          key: 't1',
          severity: 'error',
          message:
            '2023年度报告的表一（主动公开）使用了2019年版格式的标签：“本年新制作数量”、“本年新公开数量”、“对外公开总数量”、“上一年项目数量”、“本年增/减”、“处理决定数量”、“其他对外管理服务事项”、“第二十条第（九）项”、“政府集中采购”、“采购项目数量”、“采购总金额”、“规范性文件”。',
          targets: [
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:本年新制作数量',
              label: '表一（主动公开） 本年新制作数量',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:本年新公开数量',
              label: '表一（主动公开） 本年新公开数量',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:对外公开总数量',
              label: '表一（主动公开） 对外公开总数量',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:上一年项目数量',
              label: '表一（主动公开） 上一年项目数量',
            },
            { type: 'cell', table: 't1', key: 't1:label:本年增/减', label: '表一（主动公开） 本年增/减' },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:处理决定数量',
              label: '表一（主动公开） 处理决定数量',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:其他对外管理服务事项',
              label: '表一（主动公开） 其他对外管理服务事项',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:第二十条第（九）项',
              label: '表一（主动公开） 第二十条第（九）项',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:政府集中采购',
              label: '表一（主动公开） 政府集中采购',
            },
            {
              type: 'cell',
              table: 't1',
              key: 't1:label:采购项目数量',
              label: '表一（主动公开） 采购项目数量',
            },
            { type: 'cell', table: 't1', key: 't1:label:采购总金额', label: '表一（主动公开） 采购总金额' },
            { type: 'cell', table: 't1', key: 't1:label:规范性文件', label: '表一（主动公开） 规范性文件' },
          ],
        },
      ],
      also: (out) => {
        const f = out.findings.find((x) => x.ruleId === rule.id);
        const key = f?.targets[0]?.type === 'cell' ? f.targets[0].key : '';
        expect(out.extracted.cellEls.get(key)?.textContent).toContain('本年新制作数量');
      },
    },
    {
      name: 'only the row name 规范性文件 kept from 2019: a warning',
      html: reportPage({ gfLabel: '规范性文件' }),
      findings: [
        {
          key: 't1',
          severity: 'warning',
          message:
            '2024年度报告的表一（主动公开）沿用了2019年版的行名“规范性文件”（2021年版为“行政规范性文件”）。',
          targets: [
            { type: 'cell', table: 't1', key: 't1:label:规范性文件', label: '表一（主动公开） 规范性文件' },
          ],
        },
      ],
    },
  ],
});

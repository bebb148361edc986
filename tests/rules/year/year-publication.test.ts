import { expect } from 'vitest';
import rule from '../../../lib/rules/year/year-publication';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

const town = { agency: '示例县城关镇人民政府' };
const gov = { agency: '示例县人民政府', title: '示例县人民政府2024年政府信息公开工作年度报告' };

ruleTester(rule, {
  valid: [
    { name: 'a department on time', html: reportPage({ published: '2025-01-20' }) },
    {
      name: 'a government’s region-wide report is due 31 March',
      html: reportPage({ ...gov, published: '2025-03-20' }),
    },
    {
      name: 'reports before 2019: 31 March for everyone',
      html: reportPage({ year: 2017, published: '2018-03-10' }),
    },
    { name: 'a township on 31 January', html: reportPage({ ...town, published: '2025-01-31' }) },
  ],
  invalid: [
    {
      name: 'a department publishing after 31 January is late, days counted',
      html: reportPage({ published: '2025-02-15' }),
      findings: [
        {
          key: 'late',
          severity: 'error',
          message:
            '发布时间 2025-02-15（来自页面上的发布时间）晚于期限 2025-01-31 共 15 天。依据：《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本机关上一年度年报。',
          targets: [
            {
              type: 'text',
              block: 2,
              start: 0,
              end: 28,
              excerpt: '发布时间：2025-02-15来源：示例县市场监督管理局',
              words: '发布时间：2025-02-15来源：示例县市场监督管理局',
            },
          ],
          evidence: { expected: 0, found: 15, difference: 15, quote: '发布时间:2025-02-15' },
        },
      ],
    },
    {
      name: 'a township: warning after 31 January',
      html: reportPage({ ...town, published: '2025-02-15' }),
      findings: [
        {
          key: 'late',
          severity: 'warning',
          message:
            '发布时间 2025-02-15（来自页面上的发布时间）晚于期限 2025-01-31 共 15 天。依据：《政府信息公开条例》第四十九条；乡镇、街道参照部门于1月31日前公布（实践），最迟不晚于3月31日。',
          targets: [
            {
              type: 'text',
              block: 2,
              start: 0,
              end: 28,
              excerpt: '发布时间：2025-02-15来源：示例县城关镇人民政府',
              words: '发布时间：2025-02-15来源：示例县城关镇人民政府',
            },
          ],
          evidence: { expected: 0, found: 15, difference: 15, quote: '发布时间:2025-02-15' },
        },
      ],
    },
    {
      name: 'a township: error after 31 March',
      html: reportPage({ ...town, published: '2025-04-02' }),
      findings: [
        {
          key: 'late',
          severity: 'error',
          message:
            '发布时间 2025-04-02（来自页面上的发布时间）晚于期限 2025-03-31 共 2 天。依据：《政府信息公开条例》第四十九条；乡镇、街道参照部门于1月31日前公布（实践），最迟不晚于3月31日。',
          targets: [
            {
              type: 'text',
              block: 2,
              start: 0,
              end: 28,
              excerpt: '发布时间：2025-04-02来源：示例县城关镇人民政府',
              words: '发布时间：2025-04-02来源：示例县城关镇人民政府',
            },
          ],
          evidence: { expected: 0, found: 2, difference: 2, quote: '发布时间:2025-04-02' },
        },
      ],
    },
    {
      name: 'a government after 31 March',
      html: reportPage({ ...gov, published: '2025-04-01' }),
      findings: [
        {
          key: 'late',
          severity: 'error',
          message:
            '发布时间 2025-04-01（来自页面上的发布时间）晚于期限 2025-03-31 共 1 天。依据：《政府信息公开条例》第四十九条：县级以上地方人民政府的本级政府年报应于每年3月31日前公布。',
          targets: [
            {
              type: 'text',
              block: 2,
              start: 0,
              end: 25,
              excerpt: '发布时间：2025-04-01来源：示例县人民政府',
              words: '发布时间：2025-04-01来源：示例县人民政府',
            },
          ],
          evidence: { expected: 0, found: 1, difference: 1, quote: '发布时间:2025-04-01' },
        },
      ],
    },
    {
      name: 'published before the year ended',
      html: reportPage({ published: '2024-12-30', signature: null }),
      findings: [
        {
          key: 'early',
          severity: 'error',
          message: '发布时间 2024-12-30（来自页面上的发布时间）早于报告年度 2024 年结束，年份或日期有误。',
          targets: [
            {
              type: 'text',
              block: 2,
              start: 0,
              end: 28,
              excerpt: '发布时间：2024-12-30来源：示例县市场监督管理局',
              words: '发布时间：2024-12-30来源：示例县市场监督管理局',
            },
          ],
          evidence: { quote: '发布时间:2024-12-30' },
        },
      ],
    },
    {
      name: 'published after today',
      html: reportPage({ published: '2025-01-20' }),
      now: '2025-01-10',
      findings: [
        {
          key: 'future',
          severity: 'warning',
          message: '发布时间 2025-01-20 晚于今天 2025-01-10。',
          targets: [
            {
              type: 'text',
              block: 2,
              start: 0,
              end: 28,
              excerpt: '发布时间：2025-01-20来源：示例县市场监督管理局',
              words: '发布时间：2025-01-20来源：示例县市场监督管理局',
            },
          ],
          evidence: { quote: '发布时间:2025-01-20' },
        },
      ],
    },
    {
      name: 'no date on the page: info, not a guess',
      html: reportPage({ published: null }),
      findings: [
        {
          key: 'unknown',
          severity: 'info',
          fix: '请人工核对发布时间。',
          message:
            '页面上未找到发布时间（发布时间/发布日期/生成日期、属性表或 PubDate），未能检查是否按期发布。',
          targets: [{ type: 'page' }],
        },
      ],
    },
    {
      name: 'a date in the URL is a last resort and only warns',
      html: reportPage({ published: null, shape: 'plain' }),
      url: 'http://www.example.gov.cn/ndbg/202502/t20250215_1.html',
      findings: [
        {
          key: 'late',
          severity: 'warning',
          message:
            '发布时间 2025-02-15（来自网址中的日期（不可靠））晚于期限 2025-01-31 共 15 天。依据：《政府信息公开条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本机关上一年度年报。',
          targets: [{ type: 'page' }],
          evidence: {
            expected: 0,
            found: 15,
            difference: 15,
            quote: 'http://www.example.gov.cn/ndbg/202502/t20250215_1.html',
          },
        },
      ],
      also: (out) => expect(out.report.publishedSource).toBe('url'),
    },
  ],
});

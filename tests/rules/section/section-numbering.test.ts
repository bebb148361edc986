import rule from '../../../lib/rules/section/section-numbering';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'every heading numbered as the format says', html: reportPage({}) },
    {
      name: 'numbered lists inside a section are not headings',
      html: reportPage({ extra: { 5: ['一、加强组织领导', '二、强化队伍建设', '三、完善制度'] } }),
    },
    { name: 'Word text', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: 'a misnumbered heading names the expected number',
      html: reportPage({ headings: { 4: '五、政府信息公开行政复议、行政诉讼情况' } }),
      findings: [
        {
          key: 'b15',
          severity: 'error',
          message: '标题“五、政府信息公开行政复议、行政诉讼情况”的序号为“五”，按格式应为“四”。',
          targets: [{ type: 'section', section: 4, block: 15 }],
          evidence: { expected: 4, found: 5 },
        },
      ],
    },
    {
      name: 'a heading that lost its ordinal is a warning',
      html: reportPage({ headings: { 3: '收到和处理政府信息公开申请情况' } }),
      findings: [
        {
          key: 'b13',
          severity: 'warning',
          message: '标题“收到和处理政府信息公开申请情况”缺少序号，应为“三、收到和处理政府信息公开申请情况”。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
      ],
    },
    {
      name: 'a stray top-level heading that takes the next section’s number',
      html: reportPage({ extra: { 1: ['二、下步工作计划', '一是加强培训。'] } }),
      findings: [
        {
          key: 'b11',
          severity: 'error',
          fix: '将其内容并入“五、存在的主要问题及改进情况”等相应部分，或改为下一级标题。',
          message: '多出的一级标题“二、下步工作计划”占用了序号“二、”，与正式章节重号。',
          targets: [{ type: 'section', section: 0, block: 11 }],
        },
      ],
    },
    {
      name: 'Word text: a heading without its ordinal',
      text: reportText({ style: 'word', headings: { 3: '收到和处理政府信息公开申请情况' } }),
      findings: [
        {
          key: 'b40',
          severity: 'warning',
          message: '标题“收到和处理政府信息公开申请情况”缺少序号，应为“三、收到和处理政府信息公开申请情况”。',
          targets: [{ type: 'section', section: 3, block: 40 }],
        },
      ],
    },
    {
      name: 'PDF text: a stray 二、下步工作计划 inside section 1',
      text: reportText({
        style: 'pdf',
        year: 2025,
        bodies: {
          1: [
            '(一) 主动公开：2025 年主动公开各类信息 253 条',
            '二、下步工作计划',
            '一是提升思想认识。二是加大投入力度。',
          ],
        },
      }),
      findings: [
        {
          key: 'b4',
          severity: 'error',
          fix: '将其内容并入“五、存在的主要问题及改进情况”等相应部分，或改为下一级标题。',
          message: '多出的一级标题“二、下步工作计划”占用了序号“二、”，与正式章节重号。',
          targets: [{ type: 'section', section: 0, block: 4 }],
        },
      ],
    },
  ],
});

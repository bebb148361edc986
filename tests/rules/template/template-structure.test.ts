import rule from '../../../lib/rules/template/template-structure';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'every row and column of the format', html: reportPage({}) },
    {
      name: 'the 2019 layout with its single （六） row',
      html: reportPage({ year: 2020, template: '2019', t2: { ...simpleT2(1), o: [0, 0, 0, 0, 0, 0, 0] } }),
    },
    { name: 'Word text', text: reportText({ style: 'word' }) },
    {
      name: 'flattened merges and a split table',
      html: reportPage({ splitT2Before: 'n4', flattenMerges: true, t2: simpleT2(12, 2, 3) }),
    },
  ],
  invalid: [
    {
      name: 'a missing row of table 2 is listed',
      // the row is deleted and the merged group cells shrink with it, as an editor would leave them
      html: reportPage({})
        .replace(/<tr>(?:(?!<tr>).)*?2\.重复申请(?:(?!<\/tr>).)*<\/tr>/s, '')
        .replace('rowspan="22"', 'rowspan="21"')
        .replace('rowspan="5"', 'rowspan="4"'),
      findings: [
        {
          key: 'rows',
          severity: 'error',
          message: '表二缺少以下行：（五）2.重复申请。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
      ],
    },
    {
      name: 'a merged-away column is reported',
      html: reportPage({})
        .replace(
          '<td valign="center"><p class="MsoNormal" align="center"><span style="font-family:仿宋_GB2312">科研机构</span></p></td>',
          '',
        )
        .replace(/<td><p class="MsoNormal">科研<br>机构<\/p><\/td>/, '<td></td>'),
      findings: [
        {
          key: 'columns',
          severity: 'error',
          message: '表二表头缺少列：科研机构（可能被合并或删除）。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
      ],
    },
    {
      name: 'a row the format does not know',
      html: reportPage({}).replace(
        /(四、结转下年度继续办理(?:(?!<\/tr>).)*<\/tr>)/s,
        `$1<tr><td colspan="3">五、本年度咨询数量</td>${'<td>0</td>'.repeat(7)}</tr>`,
      ),
      findings: [
        {
          key: 'extra',
          severity: 'warning',
          message: '表二有格式之外的行：“五、本年度咨询数量”。',
          targets: [{ type: 'section', section: 3, block: 13 }],
        },
      ],
    },
  ],
});

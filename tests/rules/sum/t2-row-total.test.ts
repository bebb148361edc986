import rule from '../../../lib/rules/sum/t2-row-total';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';
import { t2RowCells } from '../cells';

const broken = { new: [2, 0, 0, 0, 0, 0, 2], open: [2, 0, 0, 0, 0, 0, 2], total: [2, 0, 0, 0, 0, 0, 3] };

ruleTester(rule, {
  valid: [
    {
      name: 'every row adds up, with legal persons in several columns',
      html: reportPage({
        t2: {
          ...simpleT2(0),
          new: [3, 2, 0, 0, 0, 1, 6],
          open: [3, 2, 0, 0, 0, 1, 6],
          total: [3, 2, 0, 0, 0, 1, 6],
        },
      }),
    },
    { name: 'Word text that adds up', text: reportText({ style: 'word' }) },
    {
      name: 'a blank cell in a row is not verifiable, never a row-total error',
      html: reportPage({ t2: { ...simpleT2(4), new: [4, '', '', '', '', '', 5] } }),
    },
    {
      name: 'PDF rows that lost cells are not checked',
      text: reportText({ style: 'pdf', lostCells: { new: 1, n1: 2, n2: 2, total: 1 } }),
    },
  ],
  invalid: [
    {
      name: 'a row whose total is not the sum of its columns',
      html: reportPage({ t2: { ...simpleT2(5), new: [3, 2, 0, 0, 0, 0, 6] } }),
      findings: [
        {
          key: 't2:rowtotal:new',
          severity: 'error',
          message:
            '“一、本年新收政府信息公开申请数量”一行：总计 6 ≠ 自然人 3 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 5，差 1',
          targets: t2RowCells('new'),
          evidence: {
            expected: 5,
            found: 6,
            difference: 1,
            formula: {
              zh: '总计 6 ≠ 自然人 3 + 商业企业 2 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 5，差 1',
              en: 'total 6 ≠ natural persons 3 + businesses 2 + research bodies 0 + public-interest bodies 0 + legal-service bodies 0 + others 0 = 5, difference 1',
            },
          },
        },
      ],
    },
    {
      name: 'Word text: the broken row is found and located on its line',
      text: reportText({ style: 'word', t2: broken }),
      findings: [
        {
          key: 't2:rowtotal:total',
          severity: 'error',
          message:
            '“（七）总计”一行：总计 3 ≠ 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，差 1',
          targets: t2RowCells('total'),
          evidence: {
            expected: 2,
            found: 3,
            difference: 1,
            formula: {
              zh: '总计 3 ≠ 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，差 1',
              en: 'total 3 ≠ natural persons 2 + businesses 0 + research bodies 0 + public-interest bodies 0 + legal-service bodies 0 + others 0 = 2, difference 1',
            },
          },
        },
      ],
    },
    {
      name: 'PDF text: the broken row is found and located on its line',
      text: reportText({ style: 'pdf', t2: broken }),
      findings: [
        {
          key: 't2:rowtotal:total',
          severity: 'error',
          message:
            '“（七）总计”一行：总计 3 ≠ 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，差 1',
          targets: t2RowCells('total'),
          evidence: {
            expected: 2,
            found: 3,
            difference: 1,
            formula: {
              zh: '总计 3 ≠ 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，差 1',
              en: 'total 3 ≠ natural persons 2 + businesses 0 + research bodies 0 + public-interest bodies 0 + legal-service bodies 0 + others 0 = 2, difference 1',
            },
          },
        },
      ],
    },
    {
      name: 'two broken rows, full-width digits',
      html: reportPage({
        fullWidthDigits: true,
        t2: { ...simpleT2(2), open: [2, 0, 0, 0, 0, 0, 1], forward: [0, 0, 1, 0, 0, 0, 0] },
      }),
      findings: [
        {
          key: 't2:rowtotal:open',
          severity: 'error',
          message:
            '“（一）予以公开”一行：总计 1 ≠ 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，差 1',
          targets: t2RowCells('open'),
          evidence: {
            expected: 2,
            found: 1,
            difference: -1,
            formula: {
              zh: '总计 1 ≠ 自然人 2 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 2，差 1',
              en: 'total 1 ≠ natural persons 2 + businesses 0 + research bodies 0 + public-interest bodies 0 + legal-service bodies 0 + others 0 = 2, difference 1',
            },
          },
        },
        {
          key: 't2:rowtotal:forward',
          severity: 'error',
          message:
            '“四、结转下年度继续办理”一行：总计 0 ≠ 自然人 0 + 商业企业 0 + 科研机构 1 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 1，差 1',
          targets: t2RowCells('forward'),
          evidence: {
            expected: 1,
            found: 0,
            difference: -1,
            formula: {
              zh: '总计 0 ≠ 自然人 0 + 商业企业 0 + 科研机构 1 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 1，差 1',
              en: 'total 0 ≠ natural persons 0 + businesses 0 + research bodies 1 + public-interest bodies 0 + legal-service bodies 0 + others 0 = 1, difference 1',
            },
          },
        },
      ],
    },
  ],
});

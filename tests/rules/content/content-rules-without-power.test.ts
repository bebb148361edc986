import rule from '../../../lib/rules/content/content-rules-without-power';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';
import { t1 } from '../cells';

ruleTester(rule, {
  valid: [
    {
      name: 'a provincial government may make rules',
      html: reportPage({ agency: '示例省人民政府', t1: { gz: [3, 1, 40] } }),
    },
    {
      name: 'a township reporting no rules',
      html: reportPage({ agency: '示例县城关镇人民政府', t1: { gz: [0, 0, 0] } }),
    },
    {
      name: 'a city government: may or may not, so silent',
      html: reportPage({ agency: '示例市人民政府', t1: { gz: [2, 0, 12] } }),
    },
  ],
  invalid: [
    {
      name: 'a township reporting rules made this year',
      html: reportPage({ agency: '示例县城关镇人民政府', t1: { gz: [1, 0, 1] } }),
      findings: [
        {
          key: 't1:gz:v1',
          severity: 'warning',
          message: '表一“规章·本年制发件数”为 1，而示例县城关镇人民政府没有规章制定权。',
          targets: [t1('gz', 'v1')],
          evidence: { expected: 0, found: 1 },
        },
      ],
    },
    {
      name: 'a county bureau reporting rules',
      html: reportPage({ t1: { gz: [2, 0, 2] } }),
      findings: [
        {
          key: 't1:gz:v1',
          severity: 'warning',
          message: '表一“规章·本年制发件数”为 2，而示例县市场监督管理局没有规章制定权。',
          targets: [t1('gz', 'v1')],
          evidence: { expected: 0, found: 2 },
        },
      ],
    },
  ],
});

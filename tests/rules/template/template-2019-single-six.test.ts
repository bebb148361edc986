import rule from '../../../lib/rules/template/template-2019-single-six';
import { reportPage, simpleT2 } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';
import { t2 } from '../cells';

ruleTester(rule, {
  valid: [
    {
      name: 'the 2019 layout in a 2020 report',
      html: reportPage({ year: 2020, template: '2019', t2: { ...simpleT2(1), o: [0, 0, 0, 0, 0, 0, 0] } }),
    },
    { name: 'three （六） rows in a 2021-format report', html: reportPage({}) },
  ],
  invalid: [
    {
      name: 'a single （六） row in a 2023 report',
      html: reportPage({ year: 2023, template: '2019' }),
      findings: [
        {
          key: 'o',
          severity: 'error',
          message: '2023年度报告表二的“（六）其他处理”只有一行（2019年版格式），应分为3项。',
          targets: [t2('o', 'np')],
        },
      ],
    },
  ],
});

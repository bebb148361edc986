import rule from '../../../lib/rules/history/history-five-follow-through';
import { OWN, PREV_URL, previousYear, thisYear } from '../../fixtures/history';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'last year’s two problems are taken up', html: thisYear(), previous: previousYear() },
    { name: 'no previous report: not applicable', html: thisYear(), status: 'not-applicable' },
    {
      name: 'last year named no problem it could be held to',
      html: thisYear({
        bodies: {
          ...OWN[2024],
          5: ['（一）2023年度存在问题改进情况。无。', '（二）2024年度存在的主要问题。无。'],
        },
      }),
      previous: previousYear({ bodies: { ...OWN[2023], 5: ['本年度未发现突出问题。'] } }),
    },
    {
      name: 'no section 五 this year: the section rules say so, not this one',
      html: thisYear({ headings: { 5: null }, bodies: { ...OWN[2024], 5: [] } }),
      previous: previousYear(),
      status: 'not-applicable',
    },
  ],
  invalid: [
    {
      name: 'this year’s 五 takes up none of last year’s problems',
      html: thisYear({
        bodies: {
          ...OWN[2024],
          5: [
            '（一）2023年度存在问题改进情况。已全部整改到位。',
            '（二）2024年度存在的主要问题及改进措施。一是专栏栏目设置不够清晰；二是图解材料更新较慢。',
          ],
        },
      }),
      previous: previousYear(),
      findings: [
        {
          key: 'follow-through',
          severity: 'warning',
          message: `2023年度报告（${PREV_URL}）第五部分列出 2 个问题（“一是基层站所信息报送积极性不高”；“二是依申请公开答复文书格式不统一”），本年第五部分未见对其中任何一个的整改说明。`,
          targets: [
            {
              type: 'section',
              section: 5,
              block: 13,
            },
          ],
          evidence: {
            quote: '一是基层站所信息报送积极性不高',
          },
        },
      ],
    },
  ],
});

import rule from '../../../lib/rules/history/history-copied-text';
import { OWN, PREV_URL, previousYear, thisYear } from '../../fixtures/history';
import { reportPage } from '../../fixtures/report-html';
import { ruleTester } from '../../rule-tester';

const SAME_ONE = [
  '2023年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。',
  '（一）主动公开。通过门户网站、政务新媒体等渠道及时发布政策文件、工作动态和公示公告。',
];

ruleTester(rule, {
  valid: [
    { name: 'two genuinely written years', html: thisYear(), previous: previousYear() },
    { name: 'no previous report: not applicable', html: thisYear(), status: 'not-applicable' },
    {
      name: 'section 六’s standard items repeat by nature and are not compared',
      html: thisYear({ bodies: { ...OWN[2024], 6: ['（一）收取信息处理费情况。未收取信息处理费。'] } }),
      previous: previousYear({
        bodies: { ...OWN[2023], 6: ['（一）收取信息处理费情况。未收取信息处理费。'] },
      }),
    },
  ],
  invalid: [
    {
      name: 'section 一 is last year’s with the years changed: passages marked',
      html: thisYear({ bodies: { ...OWN[2024], 1: SAME_ONE.map((p) => p.replace('2023', '2024')) } }),
      previous: previousYear({ bodies: { ...OWN[2023], 1: SAME_ONE } }),
      findings: [
        {
          key: 'section-1',
          severity: 'warning',
          message: `一、总体情况与2023年度报告（${PREV_URL}）的相似度为 100%（字符三元组，年份和数字不计），超过 50%；与上年相同的段落 2 处已标出。`,
          targets: [
            {
              type: 'text',
              block: 5,
              start: 0,
              end: 69,
              excerpt:
                '2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。',
              words:
                '2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。',
            },
            {
              type: 'text',
              block: 6,
              start: 0,
              end: 42,
              excerpt: '（一）主动公开。通过门户网站、政务新媒体等渠道及时发布政策文件、工作动态和公示公告。',
              words: '（一）主动公开。通过门户网站、政务新媒体等渠道及时发布政策文件、工作动态和公示公告。',
            },
            {
              type: 'section',
              section: 1,
              block: 4,
            },
          ],
          evidence: {
            expected: 50,
            found: 100,
            quote: PREV_URL,
          },
        },
      ],
    },
    {
      name: 'the whole report is last year’s text (the default fixture both years): sections 一 and 五',
      html: reportPage({ year: 2024 }),
      previous: previousYear({ bodies: {} }),
      findings: [
        {
          key: 'section-1',
          severity: 'warning',
          message: `一、总体情况与2023年度报告（${PREV_URL}）的相似度为 100%（字符三元组，年份和数字不计），超过 50%；与上年相同的段落 1 处已标出。`,
          targets: [
            {
              type: 'text',
              block: 5,
              start: 0,
              end: 51,
              excerpt:
                '2024年，示例县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。',
              words:
                '2024年，示例县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。',
            },
            {
              type: 'section',
              section: 1,
              block: 4,
            },
          ],
          evidence: {
            expected: 50,
            found: 100,
            quote: PREV_URL,
          },
        },
        {
          key: 'section-5',
          severity: 'warning',
          message: `五、存在的主要问题及改进情况与2023年度报告（${PREV_URL}）的相似度为 100%（字符三元组，年份和数字不计），超过 50%；与上年相同的段落 2 处已标出。`,
          targets: [
            {
              type: 'text',
              block: 18,
              start: 0,
              end: 46,
              excerpt:
                '（一）2023年度存在问题改进情况。针对上年度报告中信息更新不及时的问题，已建立周更新制度。',
              words:
                '（一）2023年度存在问题改进情况。针对上年度报告中信息更新不及时的问题，已建立周更新制度。',
            },
            {
              type: 'text',
              block: 19,
              start: 0,
              end: 66,
              excerpt:
                '（二）2024年度存在的主要问题及改进措施。一是政策解读形式较为单一；二是工作人员业务能力有待提升。下一步将加强培训，丰富解读形式。',
              words:
                '（二）2024年度存在的主要问题及改进措施。一是政策解读形式较为单一；二是工作人员业务能力有待提升。下一步将加强培训，丰富解读形式。',
            },
            {
              type: 'section',
              section: 5,
              block: 17,
            },
          ],
          evidence: {
            expected: 50,
            found: 100,
            quote: PREV_URL,
          },
        },
      ],
    },
  ],
});

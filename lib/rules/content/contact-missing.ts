import { defineRule, zhEn } from '../types';

export default defineRule({
  id: 'contact-missing',
  category: 'content',
  severity: 'warning',
  title: zhEn('未公布联系方式', 'No contact details'),
  basis: zhEn(
    '年报导语应写明对报告有疑问时的联系方式（地址、邮编、电话）',
    'The introduction gives contact details for questions (address, postcode, phone)',
  ),
  fix: zhEn(
    '在导语中补充联系地址、邮编和带区号的电话。',
    'Add the address, postcode and a phone number with area code to the introduction.',
  ),
  check(ctx) {
    const text = ctx
      .narrative()
      .map((b) => b.text)
      .join('\n');
    if (/(电话|联系方式|邮箱|电子邮件|信箱)\s*[:：为]?\s*\S/.test(text) || /0\d{2,3}[-—－]\d{7,8}/.test(text))
      return [];
    return [
      {
        key: 'contact',
        message: zhEn(
          '全文未见联系电话或其他联系方式。',
          'No phone number or other contact details anywhere in the report.',
        ),
        targets: [{ type: 'page' }],
      },
    ];
  },
});

import rule from '../../../lib/rules/content/content-conversion-artefact';
import { reportPage } from '../../fixtures/report-html';
import { reportText } from '../../fixtures/report-text';
import { ruleTester } from '../../rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a clean report', html: reportPage({}) },
    { name: 'clean Word text', text: reportText({ style: 'word' }) },
  ],
  invalid: [
    {
      name: '[bookmark: _GoBack] in the text',
      html: reportPage({ extra: { 1: ['[bookmark: _GoBack]本局持续推进公开。'] } }),
      findings: [
        {
          key: 'b11:0',
          severity: 'warning',
          message: '正文中留有“[bookmark: _GoBack]”（Word 转换残留）。',
          targets: [
            {
              type: 'text',
              block: 11,
              start: 0,
              end: 19,
              excerpt: '[bookmark: _GoBack]本局持续推进公开。',
              words: '[bookmark: _GoBack]',
            },
          ],
          evidence: { quote: '[bookmark: _GoBack]' },
        },
      ],
    },
    {
      name: 'text starting mid-sentence when the title and introduction were lost',
      html: reportPage({
        intro: '(<http://www.example.gov.cn>) 下载。如对本报告有疑问，请与本局联系（电话：010-12345678）。',
        shape: 'plain',
        title: '',
      }).replace(/<title>.*<\/title>|<h1>.*?<\/h1>/g, ''),
      findings: [
        {
          key: 'mid-sentence',
          severity: 'warning',
          message: '报告从半句话开始（“(<http://www.example…”）：开头部分（标题、导语）已丢失。',
          targets: [
            {
              type: 'text',
              block: 1,
              start: 0,
              end: 20,
              excerpt: '(<http://www.example.gov.cn>) 下载',
              words: '(<http://www.example',
            },
          ],
          evidence: { quote: '(<http://www.example.gov.cn>) 下载。如对本报告有疑' },
        },
      ],
    },
    {
      name: 'Word text with a leading bookmark',
      text: reportText({ style: 'word', leadingBookmark: true }),
      findings: [
        {
          key: 'b0:0',
          severity: 'warning',
          message: '正文中留有“[bookmark: _GoBack]”（Word 转换残留）。',
          targets: [
            {
              type: 'text',
              block: 0,
              start: 0,
              end: 19,
              excerpt: '[bookmark: _GoBack]',
              words: '[bookmark: _GoBack]',
            },
          ],
          evidence: { quote: '[bookmark: _GoBack]' },
        },
      ],
    },
  ],
});

/**
 * Writes the bundled sample pages (assets/samples) from the test fixture builders, so the samples and the
 * tests share one description of what real report pages look like. Run: node scripts/run.mjs scripts/make-samples.ts
 * (tests/unit/generated.test.ts fails when the files differ from what this writes).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { reportPage, simpleT2 } from '../tests/fixtures/report-html';
import { reportText } from '../tests/fixtures/report-text';
import { SAMPLES_DIR } from './audit';

export const SAMPLES: Record<string, () => string> = {
  // A clean county bureau report on a TRS site; table 2 continues after a page break.
  '1-clean-county-bureau-trs.html': () =>
    reportPage({
      shape: 'trs',
      agency: '示例县市场监督管理局',
      year: 2024,
      published: '2025-01-20',
      t2: {
        ...simpleT2(12, 2, 1),
        open: [8, 1, 0, 0, 0, 0, 9],
        partial: [2, 0, 0, 0, 0, 0, 2],
        u1: [2, 0, 0, 0, 0, 0, 2],
        total: [12, 1, 0, 0, 0, 0, 13],
        new: [11, 1, 0, 0, 0, 0, 12],
      },
      t1: { gf: [3, 1, 27], xk: 1520, cf: 86, qz: 4, fee: 0 },
      t3: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      bodies: {
        1: [
          '2024年，示例县市场监督管理局认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。',
          '（一）主动公开。2024年主动公开政府信息1326条，其中行政许可信息1520条在“双公示”平台公开。',
          '（二）依申请公开。2024年共收到政府信息公开申请12件，上年结转2件，均按期答复。',
          '（三）政府信息管理。严格落实公开前保密审查制度，全年清理规范性文件3件。',
          '（四）平台建设。持续优化政府网站信息公开专栏。',
          '（五）监督保障。将政务公开纳入年度绩效考核。因政府信息公开被申请行政复议1件，未发生行政诉讼。',
        ],
      },
      splitT2Before: 'r1',
    }),
  // A township report on a Hanweb site with the defects inspectors find most.
  '2-township-hanweb-defects.html': () =>
    reportPage({
      shape: 'hanweb',
      agency: '示例县城关镇人民政府',
      year: 2024,
      published: '2025-02-18',
      t2: {
        ...simpleT2(5),
        new: [4, 1, 0, 0, 0, 0, 5],
        open: [3, 0, 0, 0, 0, 0, 3],
        u1: [1, 1, 0, 0, 0, 0, 1],
        total: [4, 1, 0, 0, 0, 0, 4],
      },
      t3: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      bodies: {
        1: [
          '2024年，城关镇认真落实政务公开各项要求。',
          '（一）主动公开。全年主动公开政府信息  条，可从镇政府网站下载（）。',
          '（二）依申请公开。2024年共收到政府信息公开申请6件，均已按期办结。',
          '（三）政府信息管理。一是完善审核制度。三是加强保密审查。',
        ],
        5: ['（一）存在问题。信息更新不够及时。', '（二）改进措施。把政府信息公开贯穿于我处工作的全过程。'],
        6: ['无'],
      },
    }),
  // A 2023 district bureau report on an information-disclosure platform still using the 2019 template.
  '3-district-platform-2019-template.html': () =>
    reportPage({
      shape: 'platform',
      agency: '示例市示例区教育局',
      year: 2023,
      template: '2019',
      published: '2024-01-12',
      signature: '2024年1月10日',
      t2: { ...simpleT2(2), o: [0, 0, 0, 0, 0, 0, 0] },
      intro:
        '本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。如对本报告有疑问，请与区教育局办公室联系（电话：0571-8888888）。',
      bodies: {
        1: ['2022年，区教育局认真贯彻落实《条例》要求。', '（一）主动公开。2022年主动公开信息300条。'],
        5: ['（一）2021年度存在问题改进情况。已整改。', '（二）2022年度存在的主要问题。政策解读不够。'],
      },
    }),
  // Text extracted from a Word document (one table cell per line).
  '4-township-word-extract.txt': () =>
    reportText({
      style: 'word',
      title: null,
      leadingBookmark: true,
      headings: { 3: '收到和处理政府信息公开申请情况' },
      intro:
        '本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。如对本报告有疑问，请与城关镇党政办公室联系（地址：宏大路1号；邮编：2561114；电话：3611001）。',
    }),
  // A 年报 column (list) page: not a report; stale once the 2025 reports fall due.
  '5-column-list-page.html': () =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ColumnName" content="政府信息公开年报"><title>政府信息公开年报_示例县人民政府</title></head>
<body><div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 政府信息公开年报</div>
<ul class="list">${[2024, 2023, 2022, 2021]
      .map(
        (y) =>
          `<li><a href="/xxgk/ndbg/${y + 1}01/t${y + 1}0120_${y}.html">示例县${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`,
      )
      .join('\n')}</ul></body></html>`,
};

/** Every sample file's name and content, as main() writes them (pure: tests compare it with the files). */
export function renderSamples(): Array<[name: string, content: string]> {
  return Object.entries(SAMPLES).map(([name, make]) => [name, make()]);
}

export async function main(): Promise<number> {
  for (const [name, content] of renderSamples()) {
    await writeFile(join(SAMPLES_DIR, name), content, 'utf8');
    process.stdout.write(`wrote assets/samples/${name}\n`);
  }
  return 0;
}

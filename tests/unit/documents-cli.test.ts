/**
 * The command line routes every input by its content: a PDF or DOCX is read as one whatever its name; a
 * file it cannot read is an error entry with one line on io.err, never "not a report"; URLs carry their
 * file name in Content-Disposition (GBK names decoded).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../scripts/audit';
import { dispositionName } from '../../scripts/load';
import { reportDocx, reportPdf, writePdf } from '../fixtures/documents';
import { captureStdio } from '../helpers';

const io = captureStdio();

const BROKEN = {
  t2: { new: [4, 0, 0, 0, 0, 0, 5], open: [4, 0, 0, 0, 0, 0, 4], total: [4, 0, 0, 0, 0, 0, 4] },
};
let dir = '';
let server: Server;
let base = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-docs-'));
  const pdf = reportPdf(BROKEN, { rules: true });
  await writeFile(join(dir, 'report.pdf'), pdf);
  // named like a web page, but a PDF: the content decides
  await writeFile(join(dir, 'misnamed.html'), pdf);
  await writeFile(join(dir, 'report.docx'), await reportDocx(BROKEN));
  await writeFile(
    join(dir, 'picture.pdf'),
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
  );
  const ole = new Uint8Array(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  await writeFile(join(dir, 'report.wps'), ole);
  await writeFile(
    join(dir, 'broken-font.pdf'),
    writePdf([
      {
        texts: [
          {
            x: 60,
            y: 100,
            text: '\u00bf\u00e2\u0080\u009d fl 2023 1000 \u00a1\u00bf\u00e2 '.repeat(4),
            size: 11,
            font: 'latin',
          },
        ],
      },
    ]),
  );
  server = createServer((req, res) => {
    if (req.url === '/download?id=7') {
      // a GBK file name sent as raw bytes, the way many government CMSs do
      const name = Buffer.from([0xc4, 0xea, 0xb1, 0xa8, 0x2e, 0x70, 0x64, 0x66]); // 年报.pdf in GBK
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': `attachment; filename="${name.toString('latin1')}"`,
      });
      res.end(Buffer.from(pdf));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the CLI reads documents by content', () => {
  it('PDF and DOCX are audited like the HTML of the same report; a misnamed PDF is still a PDF', async () => {
    const code = await main([
      '--json',
      '--now',
      '2026-11-22',
      join(dir, 'report.pdf'),
      join(dir, 'misnamed.html'),
      join(dir, 'report.docx'),
    ]);
    expect(code).toBe(1);
    const arr = JSON.parse(io.out) as Array<{
      isReport: boolean;
      reportYear: number;
      findings: Array<{ ruleId: string; severity: string }>;
      coverage: { readings: Record<string, string> };
    }>;
    expect(arr).toHaveLength(3);
    for (const e of arr) {
      expect(e.isReport).toBe(true);
      expect(e.reportYear).toBe(2024);
      expect(e.findings.find((f) => f.ruleId === 't2-row-total')?.severity).toBe('error');
    }
    expect(arr.map((e) => e.coverage.readings.t2)).toEqual(['pdf-ruled', 'pdf-ruled', 'docx']);
    expect(io.err).toBe('');
  });

  it('unsupported, old Word/WPS and unreadable files: an error entry each, one stderr line each, never "not a report"', async () => {
    const inputs = [join(dir, 'picture.pdf'), join(dir, 'report.wps'), join(dir, 'broken-font.pdf')];
    const code = await main(['--json', ...inputs]);
    expect(code).toBe(0);
    const arr = JSON.parse(io.out) as Array<{ error?: string; findings: unknown[]; coverage: unknown }>;
    expect(arr.map((e) => e.error)).toEqual([
      '不支持的文件格式：PNG 图片',
      '旧版 Word/WPS 文件：请另存为 DOCX 或 PDF 后再审核',
      expect.stringMatching(/^PDF 文字层无法识别/),
    ]);
    for (const e of arr) {
      expect(e.findings).toEqual([]);
      expect(e.coverage).toBeNull();
    }
    const lines = io.err.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${inputs[0]}: 不支持的文件格式：PNG 图片`);
  });

  it('text output of an unreadable file says why, not "不是年度报告"', async () => {
    await main([join(dir, 'broken-font.pdf')]);
    expect(io.out).not.toMatch(/不是年度报告/);
    expect(io.err).toMatch(/文字层无法识别/);
  });

  it('a URL serving a PDF as octet-stream with a GBK file name is read as a PDF', async () => {
    const code = await main(['--json', '--now', '2026-11-22', `${base}/download?id=7`]);
    expect(code).toBe(1);
    const [e] = JSON.parse(io.out) as Array<{ isReport: boolean; error?: string }>;
    expect(e?.error).toBeUndefined();
    expect(e?.isReport).toBe(true);
  });
});

describe('Content-Disposition file names', () => {
  it('RFC 6266 filename*, percent-encoded UTF-8 or GBK, raw GBK bytes', () => {
    expect(dispositionName("attachment; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf")).toBe('年报.pdf');
    expect(dispositionName('attachment; filename="%C4%EA%B1%A8.pdf"')).toBe('年报.pdf');
    expect(
      dispositionName(
        `attachment; filename="${Buffer.from([0xc4, 0xea, 0xb1, 0xa8]).toString('latin1')}.doc"`,
      ),
    ).toBe('年报.doc');
    expect(dispositionName('inline')).toBeNull();
    expect(dispositionName(null)).toBeNull();
  });
});

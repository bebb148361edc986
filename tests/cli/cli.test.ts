import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, parseArgs } from '../../scripts/audit';
import { decode } from '../../scripts/load';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { reportText } from '../fixtures/report-text';
import { captureStdio } from '../helpers';

/** GBK bytes for a string, built from the platform's GBK decoder (no encoder ships with Node). */
function encodeGbk(s: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const dec = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      const ch = dec.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [a, b]);
    }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      out.push(...pair);
    }
  }
  return new Uint8Array(out);
}

const io = captureStdio();

let dir = '';
let server: Server;
let base = '';
const broken = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } });
const clean = reportPage({ t2: simpleT2(2) });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nianbao-cli-'));
  await writeFile(join(dir, 'broken.html'), broken);
  await writeFile(join(dir, 'clean.html'), clean);
  await writeFile(join(dir, 'report.txt'), reportText({ style: 'pdf' }));
  const gbkPage = clean.replace(
    '<meta charset="utf-8">',
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
  );
  server = createServer((req, res) => {
    if (req.url === '/gbk.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.from(encodeGbk(gbkPage)));
    } else if (req.url === '/old') {
      res.writeHead(302, { location: '/ndbg/202502/t20250215_9.html' });
      res.end();
    } else if (req.url === '/ndbg/202502/t20250215_9.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(reportPage({ published: null, shape: 'plain' }));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('arguments', () => {
  it('parses options and rejects bad ones with status 2', async () => {
    expect(parseArgs(['--json', '--lang', 'en', '--now=2025-02-01', 'a.html'])).toMatchObject({
      json: true,
      lang: 'en',
      now: '2025-02-01',
      ocr: true,
      inputs: ['a.html'],
    });
    expect(parseArgs(['--no-ocr', 'a.html'])).toMatchObject({ ocr: false, inputs: ['a.html'] });
    expect(await main(['--lang', 'fr', 'x'])).toBe(2);
    expect(await main(['--now', '2025-13-45', 'x'])).toBe(2);
    expect(await main(['--now=2021-02-30', 'x'])).toBe(2);
    expect(await main(['--frobnicate'])).toBe(2);
    expect(io.err).toContain('usage:');
  });
});

describe('impossible dates', () => {
  it('--now 2021-02-30 is refused with status 2 and a message that says why, in Chinese and English', async () => {
    expect(parseArgs(['--now', '2021-02-30', 'a.html'])).toMatch(/有效日期.*2021-02-30.*real date/);
    expect(await main(['--json', '--now', '2021-02-30', join(dir, 'clean.html')])).toBe(2);
    expect(io.out).toBe('');
    expect(io.err).toContain('--now 需要一个有效日期');
    expect(io.err).toContain('not 2021-02-30');
    io.err = '';
    expect(await main(['--now', '2024-02-29', '--json', join(dir, 'clean.html')])).toBe(0); // a leap day is real
    expect(io.err).toBe('');
  });
});

describe('hostile inputs', () => {
  const EXPONENT = /\d[eE][+-]?\d/;
  /** Every number in the evidence of every finding, for every entry. */
  const evidenceNumbers = (arr: Array<{ findings: Array<{ evidence?: Record<string, unknown> }> }>) =>
    arr.flatMap((e) =>
      e.findings.flatMap((f) =>
        Object.entries(f.evidence ?? {}).filter(([k]) => ['expected', 'found', 'difference'].includes(k)),
      ),
    );
  it('huge, exponent, hex and overflowing cells: no Infinity, NaN, null evidence or exponent notation', async () => {
    const huge = `1${'0'.repeat(308)}`;
    const max = '9007199254740991';
    const pages: Record<string, string> = {
      // once summed to Infinity: the result failed its own schema
      'overflow.html': reportPage({ t2: { ...simpleT2(1), new: [huge, huge, huge, 0, 0, 0, huge] } }),
      'notation.html': reportPage({
        t2: { ...simpleT2(1), new: ['1e308', '0x10', '9007199254740993', '1E5', 0, 0, 5] },
        t3: ['1e3', 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      }),
      // every addend safe, the sums past 2^53: never added past it
      'past-2-53.html': reportPage({
        t2: { ...simpleT2(1), new: [max, max, max, 0, 0, 0, max], total: [max, max, 0, 0, 0, 0, 1] },
        t3: [max, max, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      }),
      'decimals.html': reportPage({
        t2: { ...simpleT2(1), new: ['0.000001', '0.000002', 0, 0, 0, 0, '0.0000035'] },
      }),
    };
    for (const [name, html] of Object.entries(pages)) await writeFile(join(dir, name), html);
    const files = Object.keys(pages).map((n) => join(dir, n));
    for (const lang of ['zh', 'en']) {
      io.out = '';
      await main(['--json', '--lang', lang, ...files]);
      const arr = JSON.parse(io.out);
      expect(arr).toHaveLength(files.length);
      expect(io.out).not.toMatch(/Infinity|NaN/);
      for (const e of arr) {
        expect(e.isReport, e.source).toBe(true);
        expect(Object.values(e.coverage.rules), e.source).not.toContain('failed');
        for (const f of e.findings) {
          expect(f.message, f.id).not.toMatch(EXPONENT);
          if (f.evidence?.formula) expect(f.evidence.formula, f.id).not.toMatch(EXPONENT);
        }
      }
      for (const [k, v] of evidenceNumbers(arr)) {
        expect(typeof v, k).toBe('number');
        expect(Number.isSafeInteger(v) || (Number.isFinite(v) && !Number.isInteger(v)), `${k}=${v}`).toBe(
          true,
        );
      }
      const byName = (n: string) => arr.find((e: { source: string }) => e.source.endsWith(n));
      // past 2^53 nothing is checked as a sum: not verifiable, said so
      const past = byName('past-2-53.html');
      const ids = past.findings.map((f: { id: string }) => f.id);
      expect(ids).not.toContain('t2-row-total:t2:rowtotal:new'); // 3 × (2^53 − 1)
      expect(ids).not.toContain('t3-totals:t3:rv');
      expect(
        past.findings.some(
          (f: { ruleId: string; message: string }) =>
            f.ruleId === 'extraction-unverifiable-sums' && f.message.includes('2^53'),
        ),
      ).toBe(true);
      // the decimals do not add up: said in plain digits
      const dec = byName('decimals.html');
      const rowTotal = dec.findings.find((f: { ruleId: string }) => f.ruleId === 't2-row-total');
      expect(rowTotal?.message).toContain(lang === 'zh' ? '差 0.0000005' : 'difference 0.0000005');
    }
  });
  it('a report 6,000 divs deep is still read', async () => {
    const page = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } });
    const deep = page
      .replace('<div class="TRS_Editor">', `${'<div>'.repeat(6000)}<div class="TRS_Editor">`)
      .replace('<div class="footer">', `${'</div>'.repeat(6000)}<div class="footer">`);
    await writeFile(join(dir, 'deep.html'), deep);
    await writeFile(join(dir, 'flat.html'), page);
    expect(await main(['--json', join(dir, 'deep.html'), join(dir, 'flat.html')])).toBe(1);
    const [d, f] = JSON.parse(io.out);
    expect(d.isReport).toBe(true);
    expect(d.findings.map((x: { id: string }) => x.id)).toEqual(f.findings.map((x: { id: string }) => x.id));
    expect(d.findings.some((x: { ruleId: string }) => x.ruleId === 't2-row-total')).toBe(true);
  });
  it('a UTF-8 page without a charset and with one stray byte is still read as UTF-8', async () => {
    const page = clean.replace('<meta charset="utf-8">', '');
    const bytes = new TextEncoder().encode(page);
    const at = page.indexOf('</h1>');
    const cut = new TextEncoder().encode(page.slice(0, at)).length;
    const stray = new Uint8Array([...bytes.subarray(0, cut), 0xff, ...bytes.subarray(cut)]);
    await writeFile(join(dir, 'stray.html'), stray);
    expect(decode(stray)).toContain('示例县市场监督管理局2024年政府信息公开工作年度报告');
    await main(['--json', join(dir, 'stray.html')]);
    const [e] = JSON.parse(io.out);
    expect(e).toMatchObject({ isReport: true, agency: '示例县市场监督管理局', reportYear: 2024 });
    // and a GBK page without a charset is still GBK
    const gbk = encodeGbk(page);
    expect(decode(gbk)).toContain('示例县市场监督管理局2024年政府信息公开工作年度报告');
  });
});

describe('files', () => {
  it('--json prints exactly one array, one object per input in input order; exit 1 on an error finding', async () => {
    const code = await main([
      '--json',
      join(dir, 'clean.html'),
      join(dir, 'broken.html'),
      join(dir, 'report.txt'),
    ]);
    expect(code).toBe(1);
    const arr = JSON.parse(io.out);
    expect(arr.map((e: { source: string }) => e.source)).toEqual([
      join(dir, 'clean.html'),
      join(dir, 'broken.html'),
      join(dir, 'report.txt'),
    ]);
    expect(arr[0]).toMatchObject({
      isReport: true,
      reportYear: 2024,
      agency: '示例县市场监督管理局',
      publishedAt: '2025-01-20',
    });
    const f = arr[1].findings.find((x: { ruleId: string }) => x.ruleId === 't2-row-total');
    expect(f).toMatchObject({ category: 'sum', severity: 'error' });
    expect(f.message).toContain('差 1');
    expect(arr[2].isReport).toBe(true);
    expect(arr[2].coverage.tables.t2).toBe('read');
  });
  it('exit 0 when no input has an error; --lang en gives English messages', async () => {
    expect(await main(['--json', '--lang', 'en', join(dir, 'broken.html')])).toBe(1);
    expect(JSON.parse(io.out)[0].findings[0].message).toMatch(/difference 1/);
    io.out = '';
    expect(await main([join(dir, 'clean.html')])).toBe(0);
    expect(io.out).toContain('审核报告');
  });
  it('an unreadable file gets a line on stderr and an entry; the others are still audited', async () => {
    const code = await main(['--json', join(dir, 'missing.html'), join(dir, 'clean.html')]);
    expect(code).toBe(0);
    const arr = JSON.parse(io.out);
    expect(arr[0].error).toMatch(/ENOENT/);
    expect(arr[1].isReport).toBe(true);
    expect(io.err.split('\n').filter(Boolean)).toHaveLength(1);
  });
  it('with no input, the bundled samples are audited', async () => {
    await main(['--json', '--now', '2026-11-22']);
    const arr = JSON.parse(io.out);
    expect(arr.length).toBeGreaterThanOrEqual(5);
    expect(arr.every((e: { source: string }) => e.source.includes('samples'))).toBe(true);
  });
});

describe('URLs', () => {
  it('decodes a GB2312 page', async () => {
    await main(['--json', `${base}/gbk.html`]);
    const [e] = JSON.parse(io.out);
    expect(e).toMatchObject({ isReport: true, agency: '示例县市场监督管理局', reportYear: 2024 });
  });
  it('follows redirects and uses the final URL’s date only as a last resort', async () => {
    await main(['--json', `${base}/old`]);
    const [e] = JSON.parse(io.out);
    expect(e.publishedAt).toBe('2025-02-15');
    expect(e.findings.find((f: { ruleId: string }) => f.ruleId === 'year-publication')?.severity).toBe(
      'warning',
    );
  });
  it('an HTTP error or unreachable host is reported, not thrown', async () => {
    const code = await main(['--json', `${base}/nope`, 'http://127.0.0.1:9/x']);
    expect(code).toBe(0);
    const arr = JSON.parse(io.out);
    expect(arr[0].error).toContain('404');
    expect(arr[1].error).toBeTruthy();
  });
});

describe('decoding', () => {
  it('BOM, meta charset, header charset, and GB18030 fallback', () => {
    const text = '政府信息公开';
    expect(decode(encodeGbk(text), 'text/html; charset=GBK')).toBe(text);
    expect(decode(encodeGbk(`<meta charset="gbk">${text}`))).toContain(text);
    expect(decode(encodeGbk(text))).toBe(text);
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
  });
});

describe('the real command', () => {
  it('npm run audit -- --json writes nothing but the JSON array on stdout', async () => {
    const run = promisify(execFile);
    const { stdout: out } = await run(
      'node',
      ['scripts/run.mjs', 'scripts/audit.ts', '--json', join(dir, 'clean.html')],
      {
        cwd: join(__dirname, '../..'),
      },
    );
    const arr = JSON.parse(out);
    expect(Array.isArray(arr)).toBe(true);
    expect(arr).toHaveLength(1);
  }, 30_000);
});

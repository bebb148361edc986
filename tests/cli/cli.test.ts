import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, parseArgs } from '../../scripts/audit';
import { decode } from '../../scripts/load';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { reportText } from '../fixtures/report-text';

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

let stdout = '';
let stderr = '';
beforeEach(() => {
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
    stdout += String(c);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
    stderr += String(c);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

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
    expect(parseArgs(['--json', '--lang', 'en', '--now=2025-02-01', 'a.html'])).toEqual({
      json: true,
      lang: 'en',
      now: '2025-02-01',
      ocr: true,
      inputs: ['a.html'],
    });
    expect(parseArgs(['--no-ocr', 'a.html'])).toMatchObject({ ocr: false, inputs: ['a.html'] });
    expect(await main(['--lang', 'fr', 'x'])).toBe(2);
    expect(await main(['--now', '2025-13-45', 'x'])).toBe(2);
    expect(await main(['--frobnicate'])).toBe(2);
    expect(stderr).toContain('usage:');
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
    const arr = JSON.parse(stdout);
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
    expect(JSON.parse(stdout)[0].findings[0].message).toMatch(/difference 1/);
    stdout = '';
    expect(await main([join(dir, 'clean.html')])).toBe(0);
    expect(stdout).toContain('审核报告');
  });
  it('an unreadable file gets a line on stderr and an entry; the others are still audited', async () => {
    const code = await main(['--json', join(dir, 'missing.html'), join(dir, 'clean.html')]);
    expect(code).toBe(0);
    const arr = JSON.parse(stdout);
    expect(arr[0].error).toMatch(/ENOENT/);
    expect(arr[1].isReport).toBe(true);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
  it('with no input, the bundled samples are audited', async () => {
    await main(['--json', '--now', '2026-11-22']);
    const arr = JSON.parse(stdout);
    expect(arr.length).toBeGreaterThanOrEqual(5);
    expect(arr.every((e: { source: string }) => e.source.includes('samples'))).toBe(true);
  });
});

describe('URLs', () => {
  it('decodes a GB2312 page', async () => {
    await main(['--json', `${base}/gbk.html`]);
    const [e] = JSON.parse(stdout);
    expect(e).toMatchObject({ isReport: true, agency: '示例县市场监督管理局', reportYear: 2024 });
  });
  it('follows redirects and uses the final URL’s date only as a last resort', async () => {
    await main(['--json', `${base}/old`]);
    const [e] = JSON.parse(stdout);
    expect(e.publishedAt).toBe('2025-02-15');
    expect(e.findings.find((f: { ruleId: string }) => f.ruleId === 'year-publication')?.severity).toBe(
      'warning',
    );
  });
  it('an HTTP error or unreachable host is reported, not thrown', async () => {
    const code = await main(['--json', `${base}/nope`, 'http://127.0.0.1:9/x']);
    expect(code).toBe(0);
    const arr = JSON.parse(stdout);
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

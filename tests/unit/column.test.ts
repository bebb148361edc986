import { describe, expect, it } from 'vitest';
import { analyzeColumn, latestDueYear } from '../../lib/column/analyze';
import { crawlColumn } from '../../lib/column/crawl';
import { dateIn, readColumnPage, titleFacts } from '../../lib/column/list';
import { CancelledError, PoliteFetcher } from '../../lib/column/polite';
import { hanwebList, platformList, summaryPage, trsList } from '../fixtures/column-pages';
import { parse } from '../helpers';

const now = { y: 2026, m: 12, d: 1 };

describe('column list pages', () => {
  it('reads a TRS list: entries with years and dates, absolute URLs, createPageHTML pages', () => {
    const html = trsList(
      [
        {
          title: '示例县2024年政府信息公开工作年度报告',
          href: './202501/t20250120_1.html',
          date: '2025-01-20',
        },
        {
          title: '示例县2023年政府信息公开工作年度报告',
          href: './202401/t20240118_2.html',
          date: '2024-01-18',
        },
        { title: '示例县政府信息公开指南', href: './zn.html', date: '2024-01-01' },
      ],
      { pages: 3, current: 0 },
    );
    const page = readColumnPage(parse(html), 'http://www.example.gov.cn/xxgk/ndbg/');
    expect(page.isColumn).toBe(true);
    expect(page.columnName).toBe('政府信息公开年报');
    expect(page.entries).toEqual([
      {
        title: '示例县2024年政府信息公开工作年度报告',
        url: 'http://www.example.gov.cn/xxgk/ndbg/202501/t20250120_1.html',
        year: 2024,
        publishedAt: '2025-01-20',
        agency: '示例县',
        bodyKind: 'unknown',
        listedOn: 'http://www.example.gov.cn/xxgk/ndbg/',
      },
      expect.objectContaining({ year: 2023, publishedAt: '2024-01-18' }),
    ]);
    expect(page.pages).toEqual([
      'http://www.example.gov.cn/xxgk/ndbg/index_1.html',
      'http://www.example.gov.cn/xxgk/ndbg/index_2.html',
    ]);
  });

  it('reads Hanweb records kept in a text/xml script', () => {
    const html = hanwebList([
      { title: '2025年政府信息公开工作年度报告', href: '/art/2026/1/20/art_1_1.html', date: '2026-01-20' },
      { title: '2024年政府信息公开工作年度报告', href: '/art/2025/1/22/art_1_2.html', date: '2025-01-22' },
    ]);
    const page = readColumnPage(parse(html), 'http://www.example.gov.cn/col/col123/index.html');
    expect(page.entries.map((e) => [e.year, e.url, e.publishedAt, e.agency])).toEqual([
      [2025, 'http://www.example.gov.cn/art/2026/1/20/art_1_1.html', '2026-01-20', null],
      [2024, 'http://www.example.gov.cn/art/2025/1/22/art_1_2.html', '2025-01-22', null],
    ]);
  });

  it('reads a platform table with ?page=N links and 下一页', () => {
    const html = platformList(
      [
        {
          title: '示例区城关镇人民政府2024年政府信息公开工作年度报告',
          href: '/c/post_9.html',
          date: '2025/01/15',
        },
      ],
      { page: 1, pages: 3 },
    );
    const page = readColumnPage(parse(html), 'http://xxgk.example.gov.cn/nb/?page=1');
    expect(page.entries[0]).toMatchObject({
      agency: '示例区城关镇人民政府',
      bodyKind: 'township',
      publishedAt: '2025-01-15',
    });
    expect(page.pages).toEqual([
      'http://xxgk.example.gov.cn/nb/?page=2',
      'http://xxgk.example.gov.cn/nb/?page=3',
    ]);
  });

  it('is not a column page when it links no report, or one without a 年报 column name', () => {
    const none = readColumnPage(
      parse('<html><body><a href="/a">工作动态</a></body></html>'),
      'http://x.gov.cn/',
    );
    expect(none).toMatchObject({ isColumn: false, entries: [] });
    const one = readColumnPage(
      parse('<html><body><a href="/a.html">示例县2024年政府信息公开工作年度报告</a></body></html>'),
      'http://x.gov.cn/',
    );
    expect(one.isColumn).toBe(false);
  });

  it('ignores look-alike and non-http links and keeps each URL once', () => {
    const html = trsList([
      { title: '示例县2024年政府信息公开工作年度报告', href: '/a.html' },
      { title: '示例县2024年政府信息公开工作年度报告', href: '/a.html#top' },
      { title: '示例县2024年政府信息公开工作年度报告解读', href: '/b.html' },
      { title: '示例县2023年政府信息公开工作年度报告', href: 'javascript:void(0)' },
      { title: '示例县2022年政府信息公开工作年度报告', href: '/c.html' },
    ]);
    const page = readColumnPage(parse(html), 'http://x.gov.cn/');
    expect(page.entries.map((e) => e.url)).toEqual(['http://x.gov.cn/a.html', 'http://x.gov.cn/c.html']);
  });

  it('takes year and body from titles in their usual shapes', () => {
    expect(titleFacts('示例县城关镇2024年政府信息公开工作年度报告')).toEqual({
      year: 2024,
      agency: '示例县城关镇',
    });
    expect(titleFacts('2024年示例县发展和改革局政府信息公开工作年度报告')).toEqual({
      year: 2024,
      agency: '示例县发展和改革局',
    });
    expect(titleFacts('关于２０２３年度政府信息公开工作年度报告')).toEqual({ year: 2023, agency: null });
    expect(titleFacts('政府信息公开工作年度报告')).toEqual({ year: null, agency: null });
  });

  it('reads dates in the shapes lists use, and refuses impossible ones', () => {
    expect(dateIn('[2025-1-20]')).toBe('2025-01-20');
    expect(dateIn('发布时间：2025年01月20日')).toBe('2025-01-20');
    expect(dateIn('2025.02.30')).toBeNull();
    expect(dateIn('浏览 397 次')).toBeNull();
  });
});

describe('column analysis', () => {
  const bodies = ['示例县城关镇人民政府', '示例县发展和改革局', '示例县人民政府'];
  const entries = () => {
    const html = summaryPage(bodies, [2021, 2022, 2023, 2024, 2025], (b, y) => {
      if (b === '示例县城关镇人民政府' && y === 2023) return null; // a year missing
      if (b === '示例县发展和改革局' && y === 2025) return null; // overdue
      if (b === '示例县发展和改革局' && y === 2022) return '2023-02-20'; // late (department: 01-31)
      if (b === '示例县人民政府' && y === 2024) return '2025-03-20'; // on time (government: 03-31)
      return `${y + 1}-01-20`;
    });
    return readColumnPage(parse(html), 'http://www.example.gov.cn/xxgk/gknb/').entries;
  };

  it('finds the missing year, the overdue report and the late one, nothing else', () => {
    const a = analyzeColumn(entries(), now);
    expect(a.findings.map((f) => [f.kind, f.agency, f.year, f.severity])).toEqual([
      ['missing-year', '示例县城关镇人民政府', 2023, 'warning'],
      ['late', '示例县发展和改革局', 2022, 'warning'],
      ['overdue', '示例县发展和改革局', 2025, 'warning'],
    ]);
    const late = a.findings.find((f) => f.kind === 'late');
    expect(late?.message.zh).toContain('2023-02-20，晚于 2023-01-31（按县级以上政府部门（1月31日））20 天');
    const overdue = a.findings.find((f) => f.kind === 'overdue');
    expect(overdue?.message.zh).toContain('2025 年度报告应于 2026-01-31 前发布');
    expect(overdue?.message.zh).toContain('已逾期 304 天');
    expect(a.years).toEqual([2021, 2022, 2023, 2024, 2025]);
    const gov = a.bodies.find((b) => b.agency === '示例县人民政府');
    expect(gov?.bodyKind).toBe('government');
    expect(gov?.cells.map((c) => c.timeliness)).toEqual([
      'on-time',
      'on-time',
      'on-time',
      'on-time',
      'on-time',
    ]);
  });

  it('says nothing of a consistent column, nor of a year whose deadline has not passed', () => {
    const html = summaryPage(['示例县人民政府'], [2022, 2023, 2024], (_b, y) => `${y + 1}-01-10`);
    const list = readColumnPage(parse(html), 'http://x.gov.cn/').entries;
    expect(analyzeColumn(list, { y: 2026, m: 3, d: 1 }).findings).toEqual([]);
    // 2025's report (government: due 2026-03-31) is not yet due on 2026-03-01
    expect(latestDueYear({ y: 2026, m: 3, d: 1 }, 'government')).toBe(2024);
    expect(latestDueYear({ y: 2026, m: 4, d: 1 }, 'government')).toBe(2025);
  });

  it('reports the same year twice, and lowers it to info when one is marked as a correction', () => {
    const list = readColumnPage(
      parse(
        trsList([
          { title: '示例县2024年政府信息公开工作年度报告', href: '/a.html', date: '2025-01-10' },
          { title: '示例县2024年政府信息公开工作年度报告', href: '/b.html', date: '2025-01-12' },
          { title: '示例县2023年政府信息公开工作年度报告', href: '/c.html', date: '2024-01-10' },
          { title: '示例县2023年政府信息公开工作年度报告（更正）', href: '/d.html', date: '2024-01-12' },
        ]),
      ),
      'http://x.gov.cn/',
    ).entries;
    const dup = analyzeColumn(list, { y: 2025, m: 2, d: 1 }).findings.filter((f) => f.kind === 'duplicate');
    expect(dup.map((f) => [f.year, f.severity, f.urls.length])).toEqual([
      [2023, 'info', 2],
      [2024, 'warning', 2],
    ]);
  });
});

describe('crawl', () => {
  it('follows createPageHTML pages and 下一页 chains once each, up to the bound', async () => {
    const site: Record<string, string> = {
      'http://x.gov.cn/nb/': trsList([{ title: '示例县2025年政府信息公开工作年度报告', href: '/25.html' }], {
        pages: 3,
      }),
      'http://x.gov.cn/nb/index_1.html': trsList(
        [{ title: '示例县2024年政府信息公开工作年度报告', href: '/24.html' }],
        {
          pages: 3,
          current: 1,
        },
      ),
      'http://x.gov.cn/nb/index_2.html': trsList(
        [{ title: '示例县2023年政府信息公开工作年度报告', href: '/23.html' }],
        {
          pages: 3,
          current: 2,
        },
      ),
    };
    const loads: string[] = [];
    const load = async (url: string) => {
      loads.push(url);
      const html = site[url];
      if (!html) throw new Error(`HTTP 404 ${url}`);
      return parse(html);
    };
    const c = await crawlColumn('http://x.gov.cn/nb/', load);
    expect(c.entries.map((e) => e.year)).toEqual([2025, 2024, 2023]);
    expect(loads).toEqual([
      'http://x.gov.cn/nb/',
      'http://x.gov.cn/nb/index_1.html',
      'http://x.gov.cn/nb/index_2.html',
    ]);
    expect(c).toMatchObject({ isColumn: true, truncated: false, failed: [] });
    const bounded = await crawlColumn('http://x.gov.cn/nb/', load, { maxPages: 2 });
    expect(bounded.truncated).toBe(true);
    expect(bounded.entries).toHaveLength(2);
  });

  it('records a page that fails and goes on; stops at once when the start is not a column', async () => {
    const c = await crawlColumn('http://x.gov.cn/nb/', async (url) => {
      if (url.endsWith('index_1.html')) throw new Error('HTTP 500');
      return parse(
        trsList([{ title: `示例县${2000 + url.length}年政府信息公开工作年度报告`, href: url }], { pages: 3 }),
      );
    });
    expect(c.failed).toEqual([{ url: 'http://x.gov.cn/nb/index_1.html', error: 'HTTP 500' }]);
    expect(c.pages).toHaveLength(2);
    const notColumn = await crawlColumn('http://x.gov.cn/a.html', async () => parse('<p>工作动态</p>'));
    expect(notColumn).toMatchObject({ isColumn: false, entries: [], pages: ['http://x.gov.cn/a.html'] });
  });
});

describe('polite fetching', () => {
  const ok = { status: 200, headers: { get: () => null } };
  function clockAndSleep() {
    let t = 0;
    const sleeps: number[] = [];
    return {
      now: () => t,
      sleeps,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        t += ms;
        await Promise.resolve();
      },
    };
  }

  it('never has more than N requests in flight per host, hosts apart', async () => {
    const inFlight = new Map<string, number>();
    let peak = 0;
    const transport = async (url: string) => {
      const h = new URL(url).host;
      inFlight.set(h, (inFlight.get(h) ?? 0) + 1);
      peak = Math.max(peak, inFlight.get(h) ?? 0);
      await new Promise((r) => setTimeout(r, 2));
      inFlight.set(h, (inFlight.get(h) ?? 0) - 1);
      return ok;
    };
    const f = new PoliteFetcher(transport, new AbortController().signal, { perHost: 2, delayMs: 0 });
    const urls = Array.from({ length: 20 }, (_, i) => `http://${i % 2 ? 'a' : 'b'}.gov.cn/${i}`);
    await Promise.all(urls.map((u) => f.get(u)));
    expect(peak).toBe(2);
    expect(f.maxInFlight).toBe(2);
  });

  it('pauses between requests to one host', async () => {
    const c = clockAndSleep();
    const starts: number[] = [];
    const f = new PoliteFetcher(
      async () => {
        starts.push(c.now());
        return ok;
      },
      new AbortController().signal,
      { perHost: 1, delayMs: 300, now: c.now, sleep: c.sleep },
    );
    for (const u of ['http://a.gov.cn/1', 'http://a.gov.cn/2', 'http://a.gov.cn/3']) await f.get(u);
    expect(starts).toEqual([0, 300, 600]);
  });

  it('retries 5xx and 429 with back-off (Retry-After honoured), then gives the last answer', async () => {
    const c = clockAndSleep();
    const answers = [
      { status: 503, headers: { get: () => null } },
      { status: 429, headers: { get: (n: string) => (n === 'retry-after' ? '5' : null) } },
      { status: 200, headers: { get: () => null } },
    ];
    let i = 0;
    const f = new PoliteFetcher(async () => answers[i++] ?? ok, new AbortController().signal, {
      delayMs: 0,
      backoffMs: 1000,
      now: c.now,
      sleep: c.sleep,
    });
    expect((await f.get('http://a.gov.cn/')).status).toBe(200);
    expect(c.sleeps).toEqual([1000, 5000]);
    let n = 0;
    const always404 = new PoliteFetcher(
      async () => {
        n++;
        return { status: 404, headers: { get: () => null } };
      },
      new AbortController().signal,
      { delayMs: 0, now: c.now, sleep: c.sleep },
    );
    expect((await always404.get('http://a.gov.cn/')).status).toBe(404);
    expect(n).toBe(1);
  });

  it('rethrows the network error after the last retry, and cancels', async () => {
    const c = clockAndSleep();
    const f = new PoliteFetcher(
      async () => {
        throw new Error('ECONNREFUSED');
      },
      new AbortController().signal,
      { retries: 2, delayMs: 0, now: c.now, sleep: c.sleep },
    );
    await expect(f.get('http://a.gov.cn/')).rejects.toThrow('ECONNREFUSED');
    expect(c.sleeps).toEqual([1000, 2000]);
    const ac = new AbortController();
    ac.abort();
    const g = new PoliteFetcher(async () => ok, ac.signal);
    await expect(g.get('http://a.gov.cn/')).rejects.toBeInstanceOf(CancelledError);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { cutCodePoints, mdText, screenshotName, toHtml, toMarkdown } from '../../lib/issues/export';
import { imagePaths } from '../../lib/issues/export/columns';
import { locationText } from '../../lib/issues/location';
import { IssueEntry, type PageInfo } from '../../lib/issues/model';
import { MemoryBlobs, MemoryKeyValue } from '../../lib/issues/storage';
import { COUNTERS_KEY, IssueStore, MAX_ENTRIES, StoreFullError } from '../../lib/issues/store';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const PAGE: PageInfo = {
  url: 'http://www.example.gov.cn/ndbg/202501/t20250120_1.html',
  title: '示例县市场监督管理局2024年政府信息公开工作年度报告',
  siteName: '示例县人民政府',
  agency: '示例县市场监督管理局',
  reportYear: 2024,
};
const broken = toResult(
  auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, published: '2025-02-10' })),
);
const png = (n: number) => new Blob([new Uint8Array([137, 80, 78, 71, n])], { type: 'image/png' });

let kv: MemoryKeyValue;
let blobs: MemoryBlobs;
let clock: Date;
let store: IssueStore;
beforeEach(() => {
  kv = new MemoryKeyValue();
  blobs = new MemoryBlobs();
  clock = new Date(2026, 10, 22, 10, 30, 0);
  store = new IssueStore(kv, blobs, () => clock);
});

describe('the issue store', () => {
  it('adds findings with every column filled and stable numbers site-date-n', async () => {
    const added = await store.add(PAGE, broken.findings, { inspector: '张三' });
    expect(added.map((e) => e.id)).toEqual(
      broken.findings.map((_, i) => `www.example.gov.cn-20261122-${i + 1}`),
    );
    const e = added.find((x) => x.ruleId === 't2-row-total');
    expect(e).toMatchObject({
      siteName: '示例县人民政府',
      pageTitle: PAGE.title,
      location: '表二 → 一、本年新收政府信息公开申请数量 → 总计',
      type: '表二行合计不等',
      severity: 'error',
      inspector: '张三',
      status: 'open',
      recheck: null,
    });
    expect(e?.description).toContain('差 1');
    // adding the same page again adds nothing; numbering continues after deletions (never reused)
    expect(await store.add(PAGE, broken.findings, { inspector: '' })).toEqual([]);
    await store.remove([`www.example.gov.cn-20261122-${added.length}`]);
    const again = await store.add(PAGE, broken.findings, { inspector: '' });
    expect(again.map((x) => x.id)).toEqual([`www.example.gov.cn-20261122-${added.length + 1}`]);
  });

  it('a list kept before counters existed: numbers go on after its last entry, even once deleted', async () => {
    const added = await store.add(PAGE, broken.findings.slice(0, 3), { inspector: '' });
    kv.data.delete(COUNTERS_KEY); // as an older version stored it
    await store.remove([added[2]?.id ?? '']);
    const [again] = await store.add(PAGE, broken.findings.slice(2, 3), { inspector: '' });
    expect(again?.id).toBe('www.example.gov.cn-20261122-4');
  });

  it('stores the screenshot once, annotated and plain, and drops images nobody refers to', async () => {
    const added = await store.add(PAGE, broken.findings.slice(0, 2), {
      inspector: '',
      screenshot: { name: 'a.png', annotated: png(1), plain: png(2) },
    });
    expect(added[0]?.imageKeys).toHaveLength(2);
    expect(blobs.data.size).toBe(2);
    await store.remove([added[0]?.id ?? '']);
    expect(blobs.data.size).toBe(2);
    await store.remove([added[1]?.id ?? '']);
    expect(blobs.data.size).toBe(0);
  });

  it('close-ups that share a name (cut within one second) keep their own file names in exports', async () => {
    const [a] = await store.add(PAGE, broken.findings.slice(0, 1), {
      inspector: '',
      screenshot: { name: 'x_特写.png', annotated: png(1), plain: png(2) },
    });
    const [b] = await store.add(PAGE, broken.findings.slice(1, 2), {
      inspector: '',
      screenshot: { name: 'x_特写.png', annotated: png(3), plain: png(4) },
    });
    expect(a?.screenshot).toBe('x_特写.png');
    expect(b?.screenshot).toBe('x_特写_2.png');
    const paths = [a, b].flatMap((e) => (e ? imagePaths(e) : []));
    expect(new Set(paths).size).toBe(4);
  });

  it('edits status and notes; the list survives a new store over the same storage', async () => {
    const [first] = await store.add(PAGE, broken.findings.slice(0, 1), { inspector: '' });
    await store.update(first?.id ?? '', { status: 'false-positive', note: '表格转换造成' });
    const reopened = new IssueStore(kv, blobs);
    expect((await reopened.list())[0]).toMatchObject({ status: 'false-positive', note: '表格转换造成' });
  });

  it('is bounded, with a clear message', async () => {
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({
      ...(broken.findings[0] as (typeof broken.findings)[0]),
      id: `x${i}`,
    }));
    await expect(store.add(PAGE, many, { inspector: '' })).rejects.toThrow(StoreFullError);
    const failing = new IssueStore(
      { get: async () => [], set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) },
      blobs,
    );
    await expect(failing.add(PAGE, broken.findings, { inspector: '' })).rejects.toThrow(/存储空间已满/);
  });

  it('a refused save leaves nothing behind: the screenshots are deleted again', async () => {
    const failing = new IssueStore(
      {
        get: async () => undefined,
        set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
      },
      blobs,
    );
    await expect(
      failing.add(PAGE, broken.findings, {
        inspector: '',
        screenshot: { name: 'a.png', annotated: png(1), plain: png(2) },
      }),
    ).rejects.toThrow(StoreFullError);
    expect(blobs.data.size).toBe(0);
    // past the cap, no screenshot is even written
    const many = Array.from({ length: MAX_ENTRIES + 1 }, (_, i) => ({
      ...(broken.findings[0] as (typeof broken.findings)[0]),
      id: `x${i}`,
    }));
    await expect(
      store.add(PAGE, many, { inspector: '', screenshot: { name: 'a.png', annotated: png(1) } }),
    ).rejects.toThrow(StoreFullError);
    expect(blobs.data.size).toBe(0);
  });

  it('numbers 2,000 findings of one call 1..2000, and a duplicate finding id once', async () => {
    const f0 = broken.findings[0] as (typeof broken.findings)[0];
    const many = Array.from({ length: MAX_ENTRIES }, (_, i) => ({ ...f0, id: `y${i}` }));
    const added = await store.add(PAGE, [...many, { ...f0, id: 'y0' }], { inspector: '' });
    expect(added).toHaveLength(MAX_ENTRIES);
    expect(added.map((e) => e.id)).toEqual(many.map((_, i) => `www.example.gov.cn-20261122-${i + 1}`));
  });

  it('re-check: which findings are fixed, still present or new, recorded with the date', async () => {
    await store.add(PAGE, broken.findings, { inspector: '' });
    clock = new Date(2026, 11, 1, 9, 0, 0);
    const now = toResult(
      auditHtml(reportPage({ t2: simpleT2(3), published: '2025-02-10', bodies: { 6: ['无'] } })),
    );
    const r = await store.recheck(PAGE.url, now);
    expect(r.fixed.map((e) => e.ruleId)).toContain('t2-row-total');
    expect(r.present.map((e) => e.ruleId)).toContain('year-publication');
    expect(r.fresh.map((f) => f.ruleId)).toContain('section-six-items');
    const saved = (await store.list()).filter((e) => e.pageUrl === PAGE.url);
    expect(saved.every((e) => e.recheck?.at === clock.toISOString())).toBe(true);
  });
});

describe('exports', () => {
  it('HTML and Markdown escape what came from the page', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const entry = IssueEntry.parse({
      id: 'a-1',
      findingId: 'f',
      ruleId: 'r',
      category: 'sum' as const,
      severity: 'error' as const,
      siteName: hostile,
      pageTitle: hostile,
      pageUrl: 'http://x.gov.cn/',
      agency: null,
      reportYear: null,
      location: '',
      type: 't',
      description: hostile,
      basis: '',
      fix: '',
      screenshot: null,
      imageKeys: [],
      foundAt: new Date().toISOString(),
      inspector: '',
      status: 'open' as const,
      recheck: null,
      note: '',
    });
    expect(toHtml([entry])).not.toContain('<img src=x');
    const md = toMarkdown([
      {
        ...entry,
        pageTitle: 'a | b `code` [link](http://evil) **bold** _x_ ~y~',
        note: '第一行\n- 第二行\r\n# 第三行',
        type: '<b>类型</b>',
      },
    ]);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('a \\| b \\`code\\` \\[link\\](http://evil) \\*\\*bold\\*\\* \\_x\\_ \\~y\\~');
    // a value stays on its own list line
    expect(md).toContain('- **备注**：第一行 - 第二行 # 第三行');
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('#'))
        .map((l) => l.slice(0, 3)),
    ).toEqual(['# 问', '## ', '###']);
    expect(mdText('&lt;')).toBe('&amp;lt;');
  });

  it('file names are cut by code points, never inside an emoji', () => {
    expect(cutCodePoints('😀😀😀', 2)).toBe('😀😀');
    const title = `${'年'.repeat(39)}😀😀尾`;
    const name = screenshotName(PAGE.url, title, new Date(2026, 10, 22, 9, 5, 7));
    expect(name).toBe(`www.example.gov.cn_${'年'.repeat(39)}😀_20261122-090507.png`);
    // no lone surrogate anywhere
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)).toBe(false);
    const emojis = screenshotName(PAGE.url, '🏛'.repeat(50), new Date(2026, 10, 22, 9, 5, 7));
    expect(Array.from(emojis.split('_')[1] ?? '')).toHaveLength(40);
  });

  it('file names carry the site, the report and the time', () => {
    expect(screenshotName(PAGE.url, PAGE.title, new Date(2026, 10, 22, 9, 5, 7), '整页')).toBe(
      'www.example.gov.cn_示例县市场监督管理局2024年政府信息公开工作年度报告_20261122-090507_整页.png',
    );
    expect(locationText({ type: 'section', section: 3, block: 1 })).toBe('第三部分');
  });
});

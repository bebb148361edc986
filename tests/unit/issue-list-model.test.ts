/**
 * The issue list's newer columns: old stored entries load (defaults), 网站名称 is one name per host, 地区 from
 * the body's name, 位置 without page furniture, the quoted evidence, bulk status changes.
 */
import { describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { cleanExcerpt, locationText } from '../../lib/issues/location';
import type { PageInfo } from '../../lib/issues/model';
import { regionOf, siteNameFromTitle } from '../../lib/issues/site';
import { MemoryBlobs, MemoryKeyValue } from '../../lib/issues/storage';
import { ISSUES_KEY, IssueStore, SITE_NAMES_KEY } from '../../lib/issues/store';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const broken = toResult(
  auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] }, published: '2025-02-10' })),
);
const page = (over: Partial<PageInfo>): PageInfo => ({
  url: 'http://www.example.gov.cn/ndbg/t20250120_1.html',
  title: '示例县市场监督管理局2024年政府信息公开工作年度报告',
  siteName: '',
  agency: '示例县市场监督管理局',
  reportYear: 2024,
  ...over,
});
const fresh = () => {
  const kv = new MemoryKeyValue();
  return { kv, store: new IssueStore(kv, new MemoryBlobs(), () => new Date(2026, 10, 22, 10, 30, 0)) };
};

/** An entry as version 0.1 stored it: none of the newer fields. */
const OLD_ENTRY = {
  id: 'www.example.gov.cn-20261101-1',
  findingId: 't2-row-total:t2:new:total',
  ruleId: 't2-row-total',
  category: 'sum',
  severity: 'error',
  siteName: '示例县人民政府',
  pageTitle: '示例县2024年政府信息公开工作年度报告',
  pageUrl: 'http://www.example.gov.cn/old.html',
  agency: '示例县人民政府',
  reportYear: 2024,
  location: '表二 → 一、本年新收政府信息公开申请数量 → 总计',
  type: '表二行合计不等',
  description: '总计 4 ≠ 3，差 1',
  basis: 'b',
  fix: 'f',
  screenshot: null,
  imageKeys: [],
  foundAt: '2026-11-01T02:00:00.000Z',
  inspector: '',
  status: 'fixed',
  recheck: null,
  note: '旧备注',
};

describe('issue list: stored entries of an older version', () => {
  it('load with the new columns at their defaults, and keep every old value', async () => {
    const { kv, store } = fresh();
    kv.data.set(ISSUES_KEY, [OLD_ENTRY]);
    const [e] = await store.list();
    expect(e).toMatchObject({
      ...OLD_ENTRY,
      region: '',
      columnName: null,
      review: 'pending',
      deadline: null,
      evidence: '',
    });
    // and can be changed like any other
    const next = await store.update(OLD_ENTRY.id, { review: 'reviewed', deadline: '2026-12-31' });
    expect(next).toMatchObject({
      review: 'reviewed',
      deadline: '2026-12-31',
      status: 'fixed',
      note: '旧备注',
    });
    // a bad date is refused, the entry stays as it was
    await expect(store.update(OLD_ENTRY.id, { deadline: '31/12/2026' })).rejects.toThrow();
    expect((await store.list())[0]?.deadline).toBe('2026-12-31');
  });

  it('a host already named by old entries keeps that name when a page brings only its host', async () => {
    const { kv, store } = fresh();
    kv.data.set(ISSUES_KEY, [OLD_ENTRY]);
    const added = await store.add(page({}), broken.findings.slice(0, 1), { inspector: '' });
    expect(added[0]?.siteName).toBe('示例县人民政府');
  });
});

describe('issue list: new columns', () => {
  it('地区, 单位名称, 栏目名称, 报告年度, 复核状态 and the quoted evidence are filled on add', async () => {
    const { store } = fresh();
    const added = await store.add(page({ columnName: '政府信息公开年报' }), broken.findings, {
      inspector: '张三',
    });
    const sum = added.find((e) => e.ruleId === 't2-row-total');
    expect(sum).toMatchObject({
      region: '示例县',
      agency: '示例县市场监督管理局',
      columnName: '政府信息公开年报',
      reportYear: 2024,
      review: 'pending',
      status: 'open',
      deadline: null,
    });
    expect(sum?.evidence).toMatch(/总计 4 ≠ .*差 1/);
  });

  it('网站名称: SiteName, else the name in the title, else the host — one name for every page of a host', async () => {
    const { kv, store } = fresh();
    const a = await store.add(
      page({ url: 'http://www.example.gov.cn/a.html' }),
      broken.findings.slice(0, 1),
      {
        inspector: '',
      },
    );
    expect(a[0]?.siteName).toBe('www.example.gov.cn');
    const b = await store.add(
      page({ url: 'http://www.example.gov.cn/b.html', docTitle: '2024年度报告_山亭区人民政府' }),
      broken.findings.slice(0, 1),
      { inspector: '' },
    );
    expect(b[0]?.siteName).toBe('山亭区人民政府');
    const c = await store.add(
      page({
        url: 'http://www.example.gov.cn/c.html',
        siteName: '示例县人民政府',
        docTitle: '报告_沭阳县人民政府',
      }),
      broken.findings.slice(0, 1),
      { inspector: '' },
    );
    expect(c[0]?.siteName).toBe('示例县人民政府');
    // a weaker name later does not replace it
    await store.add(
      page({ url: 'http://www.example.gov.cn/d.html', docTitle: '报告_沭阳县人民政府' }),
      broken.findings.slice(0, 1),
      { inspector: '' },
    );
    const names = new Set((await store.list()).map((e) => e.siteName));
    expect([...names]).toEqual(['示例县人民政府']);
    expect(kv.data.get(SITE_NAMES_KEY)).toEqual({
      'www.example.gov.cn': { name: '示例县人民政府', source: 'meta' },
    });
  });

  it('bulk change: one patch to the selected entries only', async () => {
    const { store } = fresh();
    const added = await store.add(page({}), broken.findings, { inspector: '' });
    const ids = added.slice(0, 2).map((e) => e.id);
    const changed = await store.updateMany([...ids, 'no-such-id'], { status: 'fixed', review: 'disputed' });
    expect(changed.map((e) => e.id)).toEqual(ids);
    const list = await store.list();
    for (const e of list) {
      const hit = ids.includes(e.id);
      expect(e.status).toBe(hit ? 'fixed' : 'open');
      expect(e.review).toBe(hit ? 'disputed' : 'pending');
    }
  });
});

describe('names and places', () => {
  it('地区 is the administrative units the name starts with', () => {
    expect(regionOf('枣庄市山亭区人民政府')).toBe('枣庄市山亭区');
    expect(regionOf('示例县城关镇人民政府')).toBe('示例县城关镇');
    expect(regionOf('示例县市场监督管理局')).toBe('示例县');
    expect(regionOf('示例县住房和城乡建设局')).toBe('示例县');
    expect(regionOf('广西壮族自治区人民政府')).toBe('广西壮族自治区');
    expect(regionOf('国家税务总局')).toBe('');
    expect(regionOf(null)).toBe('');
  });

  it('the site name in a title is taken only when it reads like one', () => {
    expect(siteNameFromTitle('示例县2024年度报告_山亭区人民政府')).toBe('山亭区人民政府');
    expect(siteNameFromTitle('报告 - 沭阳县人民政府门户网站')).toBe('沭阳县人民政府门户网站');
    expect(siteNameFromTitle('示例县2024年政府信息公开工作年度报告')).toBeNull();
    expect(siteNameFromTitle('通知_2024年度报告')).toBeNull();
  });

  it('位置 holds no page furniture', () => {
    expect(cleanExcerpt('发布时间：2025-02-10 浏览次数：397【字体：大 中 小】')).toBe('发布时间：2025-02-10');
    const loc = locationText({
      type: 'text',
      block: 3,
      start: 0,
      end: 20,
      excerpt: '浏览次数：397【字体：大 中 小】 本机关2024年收到申请12件',
    });
    expect(loc).toBe('正文“本机关2024年收到申请12件”');
    expect(loc).not.toMatch(/浏览次数|字体/);
    expect(
      locationText({ type: 'text', block: 3, start: 0, end: 5, excerpt: '【打印本页】【关闭窗口】' }),
    ).toBe('正文');
  });
});

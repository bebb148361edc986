import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { IdbSnapshotStore } from '../../lib/history/idb-store';
import type { ReportSnapshot } from '../../lib/history/snapshot';
import { findPrevious, MemorySnapshotStore, type SnapshotStore } from '../../lib/history/store';
import { SqliteSnapshotStore } from '../../scripts/snapshot-store';

function snap(
  url: string,
  year: number,
  agencyKey: string | null,
  auditedAt = '2026-01-01T00:00:00.000Z',
): ReportSnapshot {
  return {
    v: 1,
    url,
    title: `${agencyKey ?? ''}${year}年政府信息公开工作年度报告`,
    agency: agencyKey,
    agencyKey,
    bodyKind: 'department',
    year,
    publishedAt: `${year + 1}-01-20`,
    auditedAt,
    figures: { 't2:forward:total': year - 2000 },
    exact: { t2: true },
    sections: { '5': `${year}年的问题` },
    contact: { address: null, postcode: null, phone: null },
    counts: { error: 0, warning: 1, info: 0 },
  };
}

async function behaves(store: SnapshotStore) {
  await store.put(snap('http://a.gov.cn/2023.html', 2023, '示例县教育局'));
  await store.put(snap('http://a.gov.cn/2024.html', 2024, '示例县教育局'));
  await store.put(snap('http://a.gov.cn/x2023.html', 2023, '示例县财政局'));
  await store.put(snap('http://b.gov.cn/2023.html', 2023, null));
  expect((await store.get('http://a.gov.cn/2023.html'))?.figures['t2:forward:total']).toBe(23);
  expect((await store.byAgency('示例县教育局')).map((s) => s.year).sort()).toEqual([2023, 2024]);
  expect(
    (await findPrevious(store, { url: 'http://a.gov.cn/2024.html', year: 2024, agencyKey: '示例县教育局' }))
      ?.url,
  ).toBe('http://a.gov.cn/2023.html');
  // a body's title without its name: the single report of the year before on the same host
  expect(
    (await findPrevious(store, { url: 'http://b.gov.cn/2024.html', year: 2024, agencyKey: null }))?.url,
  ).toBe('http://b.gov.cn/2023.html');
  // never a guess: two candidates on one host, or none
  await store.put(snap('http://b.gov.cn/2023-bis.html', 2023, null));
  expect(
    await findPrevious(store, { url: 'http://b.gov.cn/2024.html', year: 2024, agencyKey: null }),
  ).toBeNull();
  expect(
    await findPrevious(store, { url: 'http://a.gov.cn/2026.html', year: 2026, agencyKey: '示例县教育局' }),
  ).toBeNull();
  // re-auditing a URL replaces its snapshot
  await store.put({
    ...snap('http://a.gov.cn/2023.html', 2023, '示例县教育局'),
    counts: { error: 2, warning: 0, info: 0 },
  });
  expect((await store.list()).filter((s) => s.url === 'http://a.gov.cn/2023.html')).toHaveLength(1);
  await store.remove(['http://a.gov.cn/2023.html']);
  expect(await store.get('http://a.gov.cn/2023.html')).toBeNull();
}

describe('snapshot stores', () => {
  it('memory', async () => behaves(new MemorySnapshotStore()));

  it('IndexedDB: same behaviour, kept across instances (a reloaded extension)', async () => {
    await behaves(new IdbSnapshotStore('test-a'));
    const again = new IdbSnapshotStore('test-a');
    expect((await again.list()).length).toBe(4);
    expect((await again.byAgency('示例县教育局')).map((s) => s.url)).toEqual(['http://a.gov.cn/2024.html']);
    await again.clear();
    expect(await again.list()).toEqual([]);
  });

  it('IndexedDB: finds the previous year by host without reading the other hosts, also in a version-1 database', async () => {
    // a database written by the version without the host index: its records get their host on upgrade
    const old = await openDB('test-v1', 1, {
      upgrade(db) {
        db.createObjectStore('reports', { keyPath: 'url' }).createIndex('agency', 'agencyKey');
      },
    });
    await old.put('reports', snap('http://b.gov.cn/2023.html', 2023, null));
    await old.put('reports', snap('http://c.gov.cn/2023.html', 2023, null));
    old.close();
    const store = new IdbSnapshotStore('test-v1');
    expect((await store.byHost('b.gov.cn')).map((s) => s.url)).toEqual(['http://b.gov.cn/2023.html']);
    await store.put(snap('http://b.gov.cn/2024.html', 2024, null));
    expect((await store.byHost('b.gov.cn')).map((s) => s.url).sort()).toEqual([
      'http://b.gov.cn/2023.html',
      'http://b.gov.cn/2024.html',
    ]);
    // the host stays out of the snapshots read back
    expect(Object.keys((await store.get('http://b.gov.cn/2024.html')) ?? {})).not.toContain('host');
    let listed = 0;
    const counting: SnapshotStore = {
      put: (x) => store.put(x),
      get: (u) => store.get(u),
      byAgency: (a) => store.byAgency(a),
      byHost: (h) => store.byHost(h),
      list: () => {
        listed++;
        return store.list();
      },
      remove: (u) => store.remove(u),
      clear: () => store.clear(),
    };
    expect(
      (await findPrevious(counting, { url: 'http://b.gov.cn/2024.html', year: 2024, agencyKey: null }))?.url,
    ).toBe('http://b.gov.cn/2023.html');
    expect(listed).toBe(0);
  });

  it('SQLite file: same behaviour, kept across reopening, cleared on request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-store-'));
    const path = join(dir, 'sub', 'reports.sqlite');
    const store = await SqliteSnapshotStore.open(path);
    await behaves(store);
    store.close();
    const again = await SqliteSnapshotStore.open(path);
    expect((await again.list()).map((s) => s.url).sort()).toEqual([
      'http://a.gov.cn/2024.html',
      'http://a.gov.cn/x2023.html',
      'http://b.gov.cn/2023-bis.html',
      'http://b.gov.cn/2023.html',
    ]);
    await again.clear();
    expect(await again.list()).toEqual([]);
  });

  it('SQLite file: refuses a file that is not a store, and skips rows that do not parse', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-store-'));
    const bad = join(dir, 'bad.sqlite');
    await writeFile(bad, 'not a database at all, just text that is long enough to have a header');
    await expect(SqliteSnapshotStore.open(bad)).rejects.toThrow('不是有效的审核记录库');
    const path = join(dir, 'ok.sqlite');
    const store = await SqliteSnapshotStore.open(path);
    await store.put(snap('http://a.gov.cn/1.html', 2023, 'x局'));
    // @ts-expect-error: reach the database to plant a row of a future version
    store.db.run("INSERT INTO reports VALUES ('http://a.gov.cn/2.html', 'x局', 2023, '2026', '{\"v\":9}')");
    expect((await store.list()).map((s) => s.url)).toEqual(['http://a.gov.cn/1.html']);
  });
});

/**
 * The issue store as the extension uses it: entries in storage.local, screenshots in IndexedDB (both
 * shared by the background, the popup and the manager page, and kept across browser restarts).
 */

import browser from 'webextension-polyfill';
import { type BlobStore, IssueStore, type KeyValue, MemoryBlobs } from '@/lib/issues/store';
import type { Shot, TabState } from '@/lib/messages';
import type { Finding } from '@/lib/model/schema';
import type { Settings } from '@/lib/settings';

const DB = 'nianbao-evidence';
const STORE = 'images';

class LocalKeyValue implements KeyValue {
  async get(key: string): Promise<unknown> {
    return (await browser.storage.local.get(key))[key];
  }
  async set(key: string, value: unknown): Promise<void> {
    await browser.storage.local.set({ [key]: value });
  }
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

class IndexedDbBlobs implements BlobStore {
  private db: Promise<IDBDatabase> | null = null;
  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise((resolve, reject) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    return this.db;
  }
  private async tx(mode: IDBTransactionMode): Promise<IDBObjectStore> {
    return (await this.open()).transaction(STORE, mode).objectStore(STORE);
  }
  async put(key: string, blob: Blob): Promise<void> {
    // stored as bytes + type: Blobs in IndexedDB are not supported everywhere (Firefox private windows)
    const bytes = new Uint8Array(await blob.arrayBuffer());
    await request((await this.tx('readwrite')).put({ type: blob.type, bytes }, key));
  }
  async get(key: string): Promise<Blob | null> {
    const v = (await request((await this.tx('readonly')).get(key))) as
      | { type: string; bytes: Uint8Array }
      | undefined;
    return v ? new Blob([v.bytes as Uint8Array<ArrayBuffer>], { type: v.type }) : null;
  }
  async delete(key: string): Promise<void> {
    await request((await this.tx('readwrite')).delete(key));
  }
}

export function issueStore(): IssueStore {
  const blobs: BlobStore = typeof indexedDB === 'undefined' ? new MemoryBlobs() : new IndexedDbBlobs();
  return new IssueStore(new LocalKeyValue(), blobs);
}

export async function dataUrlToBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}

/** Add findings of an audited tab to the issue list, with a screenshot (annotated and plain) as evidence. */
export async function addPageFindings(
  state: TabState,
  findings: Finding[],
  settings: Settings,
  shot?: Shot,
): Promise<number> {
  const r = state.result?.report;
  if (!r) return 0;
  const added = await issueStore().add(
    {
      url: state.url,
      title: r.title ?? '',
      siteName: r.siteName ?? '',
      agency: r.agency,
      reportYear: r.reportYear,
    },
    findings,
    {
      inspector: settings.inspector,
      lang: settings.lang,
      ...(shot
        ? {
            screenshot: {
              name: shot.name,
              annotated: await dataUrlToBlob(shot.annotated),
              plain: await dataUrlToBlob(shot.plain),
            },
          }
        : {}),
    },
  );
  return added.length;
}

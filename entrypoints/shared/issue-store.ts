/**
 * The issue list's storage adapters: entries in storage.local, screenshots in IndexedDB (kept across browser
 * restarts). Only the background writes (entrypoints/background/); the manager page reads screenshots
 * through `evidenceImages()`, which offers no way to write.
 */

import type { Storage } from 'webextension-polyfill';
import { type BlobStore, type KeyValue, MemoryBlobs } from '@/lib/issues/storage';

const DB = 'nianbao-evidence';
const STORE = 'images';

export class LocalKeyValue implements KeyValue {
  constructor(private readonly area: Storage.StorageArea) {}
  async get(key: string): Promise<unknown> {
    return (await this.area.get(key))[key];
  }
  async set(items: Record<string, unknown>): Promise<void> {
    await this.area.set(items);
  }
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

interface StoredImage {
  type: string;
  bytes: Uint8Array;
}

function isStoredImage(v: unknown): v is StoredImage {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { type?: unknown }).type === 'string' &&
    (v as { bytes?: unknown }).bytes instanceof Uint8Array
  );
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
    const v: unknown = await request((await this.tx('readonly')).get(key));
    return isStoredImage(v) ? new Blob([v.bytes as Uint8Array<ArrayBuffer>], { type: v.type }) : null;
  }
  async delete(key: string): Promise<void> {
    await request((await this.tx('readwrite')).delete(key));
  }
}

/** The screenshot store (the background's; in memory where IndexedDB is missing). */
export function evidenceBlobs(): BlobStore {
  return typeof indexedDB === 'undefined' ? new MemoryBlobs() : new IndexedDbBlobs();
}

/** Read-only access to the stored screenshots (manager page: thumbnails, ZIP export). */
export function evidenceImages(): { get(key: string): Promise<Blob | null> } {
  const blobs = evidenceBlobs();
  return { get: (key) => blobs.get(key) };
}

export async function dataUrlToBlob(url: string): Promise<Blob> {
  return (await fetch(url)).blob();
}

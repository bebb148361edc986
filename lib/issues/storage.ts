/**
 * What the issue list store (./store.ts) is kept in: a key-value storage for the entries (extension storage)
 * and a blob store for the images (IndexedDB), with in-memory adapters for tests and for a browser without
 * IndexedDB.
 */

export interface KeyValue {
  get(key: string): Promise<unknown>;
  /** Writes every item at once (storage.local.set of several keys). */
  set(items: Record<string, unknown>): Promise<void>;
}

export interface BlobStore {
  put(key: string, blob: Blob): Promise<void>;
  get(key: string): Promise<Blob | null>;
  delete(key: string): Promise<void>;
}

/** In-memory adapters (tests, and a fallback when IndexedDB is unavailable). */
export class MemoryKeyValue implements KeyValue {
  readonly data = new Map<string, unknown>();
  async get(key: string): Promise<unknown> {
    return structuredClone(this.data.get(key));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
}

export class MemoryBlobs implements BlobStore {
  readonly data = new Map<string, Blob>();
  async put(key: string, blob: Blob): Promise<void> {
    this.data.set(key, blob);
  }
  async get(key: string): Promise<Blob | null> {
    return this.data.get(key) ?? null;
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
}

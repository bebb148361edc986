/**
 * Polite fetching for column crawls: at most N requests in flight per host, a pause between two requests to
 * the same host, retries with exponential back-off on network errors, 429 and 5xx (Retry-After honoured,
 * capped), and cancellation. The transport is injected, so the same code runs in the extension, in Node and
 * in tests.
 */

export type FetchLike = (
  url: string,
  init: { signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null } }>;

export interface PoliteOptions {
  /** Requests in flight per host (default 2). */
  perHost?: number;
  /** Pause between the starts of two requests to one host, in ms (default 500). */
  delayMs?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First back-off in ms, doubled each retry (default 1000); Retry-After is honoured up to 60 s. */
  backoffMs?: number;
  /** Timers, injectable for tests. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

export class CancelledError extends Error {
  constructor() {
    super('已取消 / cancelled');
    this.name = 'CancelledError';
  }
}

const defaultSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError());
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(new CancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

interface HostState {
  inFlight: number;
  nextStart: number;
  waiting: Array<() => void>;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export class PoliteFetcher<R extends Awaited<ReturnType<FetchLike>>> {
  private readonly hosts = new Map<string, HostState>();
  private readonly perHost: number;
  private readonly delayMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  /** Most requests ever in flight at once to one host (for tests and the progress view). */
  maxInFlight = 0;

  constructor(
    private readonly transport: (url: string, init: { signal: AbortSignal }) => Promise<R>,
    private readonly signal: AbortSignal,
    opts: PoliteOptions = {},
  ) {
    this.perHost = Math.max(1, opts.perHost ?? 2);
    this.delayMs = Math.max(0, opts.delayMs ?? 500);
    this.retries = Math.max(0, opts.retries ?? 3);
    this.backoffMs = Math.max(0, opts.backoffMs ?? 1000);
    this.sleep = opts.sleep ?? defaultSleep;
    this.now = opts.now ?? (() => Date.now());
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { inFlight: 0, nextStart: 0, waiting: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  private async acquire(host: string): Promise<HostState> {
    const s = this.state(host);
    while (s.inFlight >= this.perHost) {
      await new Promise<void>((resolve) => s.waiting.push(resolve));
      if (this.signal.aborted) throw new CancelledError();
    }
    s.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, s.inFlight);
    const wait = s.nextStart - this.now();
    s.nextStart = Math.max(this.now(), s.nextStart) + this.delayMs;
    if (wait > 0) {
      try {
        await this.sleep(wait, this.signal);
      } catch (err) {
        this.release(s);
        throw err;
      }
    }
    return s;
  }

  private release(s: HostState): void {
    s.inFlight--;
    s.waiting.shift()?.();
  }

  /** Fetch with politeness and retries; resolves with the last response (even a 4xx), rejects on cancel. */
  async get(url: string): Promise<R> {
    const host = hostOf(url);
    let attempt = 0;
    for (;;) {
      if (this.signal.aborted) throw new CancelledError();
      const s = await this.acquire(host);
      let res: R | null = null;
      let error: unknown = null;
      try {
        res = await this.transport(url, { signal: this.signal });
      } catch (err) {
        error = err;
      } finally {
        this.release(s);
      }
      if (this.signal.aborted) throw new CancelledError();
      const retryable = error !== null || (res !== null && (res.status === 429 || res.status >= 500));
      if (!retryable && res) return res;
      if (attempt >= this.retries) {
        if (res) return res;
        throw error instanceof Error ? error : new Error(String(error));
      }
      const after = res?.headers.get('retry-after');
      const hinted = after && /^\d+$/.test(after) ? Math.min(60_000, Number(after) * 1000) : 0;
      await this.sleep(Math.max(hinted, this.backoffMs * 2 ** attempt), this.signal);
      attempt++;
    }
  }

  /** Wake every waiter (after an abort) so that pending calls reject promptly. */
  wakeAll(): void {
    for (const s of this.hosts.values()) for (const w of s.waiting.splice(0)) w();
  }
}

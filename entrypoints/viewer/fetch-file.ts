/**
 * The viewer's one network request: the file the user opened, with progress. On government sites the
 * extension's host permission covers it; elsewhere the user is asked for that site first (no other request).
 */
import browser from 'webextension-polyfill';

/** Largest file the viewer reads (a report is a few MB at most). */
export const MAX_BYTES = 60 * 2 ** 20;

export function originPattern(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? `${u.protocol}//${u.hostname}/*` : null;
  } catch {
    return null;
  }
}

/** May the extension fetch this URL now (host permission, granted or optional)? */
export async function canFetch(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin) return false;
  return browser.permissions.contains({ origins: [origin] }).catch(() => false);
}

/** Ask for the site's permission (from a click: the browser requires a user gesture). */
export async function askPermission(url: string): Promise<boolean> {
  const origin = originPattern(url);
  if (!origin) return false;
  return browser.permissions.request({ origins: [origin] }).catch(() => false);
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
}

/** No byte for this long: the server has stalled, say so rather than wait forever. */
const STALL_MS = 30_000;

/** Fetch the file, reporting the share read (0..1, or null when the size is unknown). */
export async function fetchFile(url: string, progress: (share: number | null) => void): Promise<Fetched> {
  const stop = new AbortController();
  let timer = setTimeout(() => stop.abort(), STALL_MS);
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stop.abort(), STALL_MS);
  };
  try {
    const res = await fetch(url, { credentials: 'include', redirect: 'follow', signal: stop.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const total = Number(res.headers.get('content-length')) || 0;
    if (total > MAX_BYTES) throw new Error(`file too large (${Math.round(total / 2 ** 20)} MB)`);
    const contentType = res.headers.get('content-type');
    if (!res.body) return { bytes: new Uint8Array(await res.arrayBuffer()), contentType };
    const reader = res.body.getReader();
    const parts: Uint8Array[] = [];
    let got = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      alive();
      parts.push(value);
      got += value.length;
      if (got > MAX_BYTES) {
        await reader.cancel();
        throw new Error('file too large');
      }
      progress(total ? Math.min(1, got / total) : null);
    }
    return { bytes: join(parts, got), contentType };
  } catch (e) {
    if (stop.signal.aborted)
      throw new Error(`no data for ${STALL_MS / 1000} s (the server stopped answering)`);
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

function join(parts: Uint8Array[], got: number): Uint8Array {
  const bytes = new Uint8Array(got);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

/**
 * Chromium with the built extension, for the end-to-end tests, the demo and the browser benchmark: build the
 * extension, serve pages on 127.0.0.1, launch Debian's Chromium with the unpacked build and gov-like host
 * names mapped to the local server (--host-resolver-rules).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Worker,
} from 'playwright-core';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;
export const E2E_REQUIRED = process.env.E2E_REQUIRED === '1';
export const HAVE_BROWSER = CHROMIUM !== null;

export const INSTALL_HINT =
  'apt-get update && apt-get install -y chromium fonts-noto-cjk (as root, or with sudo before each)';

export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

export async function buildExtension(): Promise<string> {
  const outDir = join(ROOT, '.output', 'chrome-mv3');
  await promisify(execFile)('npx', ['wxt', 'build'], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
  return outDir;
}

export interface Site {
  server: Server;
  port: number;
  pages: Map<string, string>;
  requests: string[];
}

export async function serve(pages: Record<string, string>): Promise<Site> {
  const map = new Map(Object.entries(pages));
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.headers.host}${req.url}`);
    if (req.url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
      return;
    }
    const body = map.get(req.url ?? '');
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, pages: map, requests };
}

export interface LaunchOptions {
  headless?: boolean;
  userDataDir?: string;
  /** Load the extension (default true). */
  extension?: boolean;
}

export interface Launched {
  browser: Browser;
  context: BrowserContext;
  /** The extension's service worker (null without the extension). */
  worker: Worker | null;
  extensionId: string;
  /** A browser-level DevTools session (Extensions.triggerAction, Target.*). */
  cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * Chromium is started here (not by Playwright) with a DevTools port, then attached with connectOverCDP: that
 * gives a browser-level session, which `Extensions.triggerAction` (a toolbar click) needs.
 */
export async function launch(extDir: string, opts: LaunchOptions = {}): Promise<Launched> {
  if (!CHROMIUM) throw new Error(`No Chromium found: ${INSTALL_HINT}`);
  const userDataDir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'nianbao-e2e-')));
  const withExt = opts.extension !== false;
  const args = [
    ...(opts.headless === false ? [] : ['--headless=new']),
    '--remote-debugging-port=0',
    `--user-data-dir=${userDataDir}`,
    ...(withExt ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    '--enable-unsafe-extension-debugging',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-quic',
    '--window-size=1280,900',
    '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP *.example.org 127.0.0.1',
    'about:blank',
  ];
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${buf.slice(-500)}`)), 30_000);
    proc.stderr.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = /DevTools listening on (ws:\S+)/.exec(buf);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${buf.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const cdp = await browser.newBrowserCDPSession();
  const close = async () => {
    await browser.close().catch(() => undefined);
    proc.kill('SIGKILL');
  };
  if (!withExt) return { browser, context, worker: null, extensionId: '', cdp, close };
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { browser, context, worker, extensionId: new URL(worker.url()).host, cdp, close };
}

/** Click the toolbar button for the tab showing `url` (grants activeTab, opens the popup). */
export async function clickAction(l: Launched, url: string): Promise<void> {
  const { targetInfos } = (await l.cdp.send('Target.getTargets', {
    filter: [{ type: 'tab' }],
  } as never)) as unknown as {
    targetInfos: Array<{ targetId: string; url: string }>;
  };
  const tab = targetInfos.find((t) => t.url === url);
  if (!tab) throw new Error(`no tab shows ${url}`);
  await l.cdp.send(
    'Extensions.triggerAction' as never,
    { id: l.extensionId, targetId: tab.targetId } as never,
  );
}

// ---- reaching into the overlay's closed shadow root (tests, demo, benchmark) ---------------------------

interface DomNode {
  nodeType: number;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
  documentURL?: string;
}

const cdpSessions = new WeakMap<Page, Promise<CDPSession>>();

function sessionOf(page: Page): Promise<CDPSession> {
  let s = cdpSessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    cdpSessions.set(page, s);
  }
  return s;
}

/**
 * The overlay's private roots in the page (and in its same-process frames), found through CDP
 * (DOM.getDocument with pierce: closed shadow roots included): the root that holds an element marked
 * data-nianbao, or that element's own shadow root (the fallback host). Each with the URL of its document.
 */
async function overlayRoots(page: Page): Promise<Array<{ backendNodeId: number; url: string }>> {
  const cdp = await sessionOf(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as {
    root: DomNode;
  };
  const found = new Map<number, string>();
  const walk = (n: DomNode, shadow: DomNode | null, url: string): void => {
    if (n.nodeType === 1 && n.attributes) {
      for (let i = 0; i < n.attributes.length; i += 2)
        if (n.attributes[i] === 'data-nianbao') {
          const r = n.shadowRoots?.[0] ?? shadow;
          if (r && !found.has(r.backendNodeId)) found.set(r.backendNodeId, url);
        }
    }
    for (const s of n.shadowRoots ?? []) walk(s, s, url);
    for (const c of n.children ?? []) walk(c, shadow, url);
    if (n.contentDocument) walk(n.contentDocument, null, n.contentDocument.documentURL ?? '');
  };
  walk(root, null, root.documentURL ?? '');
  return [...found].map(([backendNodeId, url]) => ({ backendNodeId, url }));
}

/** How many overlays the document at `url` (default: the page's own) holds. */
export async function overlayCount(page: Page, url = page.url()): Promise<number> {
  return (await overlayRoots(page)).filter((r) => r.url === url).length;
}

/**
 * Run `fn(root, arg)` inside the overlay's closed shadow root, in the page's main world, through CDP
 * (DOM.resolveNode + Runtime.callFunctionOn); the result comes back as JSON. null without an overlay.
 * `fn` is sent as source text: it must not use anything from its surroundings.
 */
export async function inOverlay<R, A = undefined>(
  page: Page,
  fn: (root: ShadowRoot, arg: A) => R | Promise<R>,
  arg?: A,
  url = page.url(),
): Promise<R | null> {
  const target = (await overlayRoots(page)).find((r) => r.url === url);
  if (!target) return null;
  const cdp = await sessionOf(page);
  const { object } = (await cdp.send('DOM.resolveNode', {
    backendNodeId: target.backendNodeId,
  })) as unknown as { object: { objectId?: string } };
  if (!object.objectId) return null;
  try {
    const res = (await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function (arg) { return (${fn.toString()})(this, arg); }`,
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    })) as unknown as {
      result: { value?: unknown };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (res.exceptionDetails)
      throw new Error(
        `in the overlay: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`,
      );
    return (res.result.value ?? null) as R | null;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId }).catch(() => undefined);
  }
}

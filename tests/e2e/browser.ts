/**
 * Shared set-up for end-to-end tests: build the extension, serve pages on 127.0.0.1, launch Debian's
 * Chromium with the unpacked build and gov-like host names mapped to the local server.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;
export const E2E_REQUIRED = process.env.E2E_REQUIRED === '1';
export const HAVE_BROWSER = CHROMIUM !== null;

if (E2E_REQUIRED && !HAVE_BROWSER) {
  throw new Error('E2E_REQUIRED=1 but no Chromium found: apt-get install -y chromium fonts-noto-cjk');
}

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

export async function launch(
  extDir: string,
): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'nianbao-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM ?? undefined,
    headless: true,
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP *.example.org 127.0.0.1',
    ],
  });
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId };
}

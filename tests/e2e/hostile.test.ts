/**
 * The overlay on pages that fight it (issue 7 §4): the page cannot read the marks, its structural selectors
 * match what they matched without the extension, and the marks survive document.open()/write() after load,
 * a replaced or removed <body>, a page-defined custom element with the names we might use, restyling, and a
 * page that keeps removing the overlay's host (without making us loop). The overlay's closed shadow root
 * is read through CDP (inOverlay), never through page script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, type Launched, launch, ROOT, type Site, serve } from '../../scripts/browser';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { HAVE_BROWSER, inOverlay, overlayCount } from './setup';

const ROW_TOTAL = 't2-row-total:t2:rowtotal:new';
const broken = reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } });
const clean = reportPage({ t2: simpleT2(2) });
const brokenBody = /<body>([\s\S]*)<\/body>/.exec(broken)?.[1] ?? '';

const withHead = (page: string, head: string) => page.replace('</head>', `${head}</head>`);
const withBodyEnd = (page: string, tail: string) => page.replace('</body>', `${tail}</body>`);

/** Page styles that depend on the shape of the tree around <html> and <body>. */
const STRUCTURAL_CSS = `<style>
body { background: rgb(255, 0, 0); }
body:last-child { background: rgb(250, 240, 230); }
body:not(:last-child) { outline: 9px solid rgb(255, 0, 0); }
html > * { margin-left: 3px; }
html > :last-child { color: rgb(20, 30, 40); }
html > :first-child + body { padding-left: 11px; }
* + body { border-top: 3px solid rgb(0, 128, 0); }
head + body { padding-top: 7px; }
body:nth-child(2) { margin-top: 5px; }
body:nth-last-child(1) { letter-spacing: 0.5px; }
:root > body:only-of-type { font-size: 15px; }
.only > :only-child { font-weight: 700; display: block; }
body > :last-child { margin-bottom: 13px; }
body > :first-child { padding-top: 2px; }
</style>`;
const SAMPLES = [
  '1-clean-county-bureau-trs.html',
  '2-township-hanweb-defects.html',
  '3-district-platform-2019-template.html',
];
const structural = withBodyEnd(
  withHead(broken, STRUCTURAL_CSS),
  '<div class="only"><span>仅此一项</span></div><p class="tail">尾段</p>',
);

/** A page that defines, as its own custom elements, the tag names an overlay might use. */
const DEFINE = `(function (names) {
  for (var i = 0; i < names.length; i++) {
    if (customElements.get(names[i])) continue;
    customElements.define(names[i], class extends HTMLElement {
      constructor() { super(); var r = this.attachShadow({ mode: 'open' }); r.textContent = 'hijacked'; window.__upgraded = (window.__upgraded || 0) + 1; }
    });
  }
})`;
const customBefore = withHead(
  broken,
  `<script>${DEFINE}(['nianbao-inspector', 'nianbao-overlay', 'nianbao-host', 'nianbao-layer']);</script>`,
);

/** A page that owns a shadow root on <body> (so the overlay uses its fallback host element). */
const bodyOwned = withBodyEnd(
  broken,
  `<script>document.body.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot>';</script>`,
);

/**
 * A page that asks, in its own DOMContentLoaded listener (which runs after the detector's), whether <body>
 * can still take a shadow root: on a report the detector has given it the overlay's root by then, before
 * the page's first layout (no second layout of the whole page when the marks are drawn).
 */
const PROBE_ROOT = `<script>document.addEventListener('DOMContentLoaded', function () {
  try { document.body.attachShadow({ mode: 'open' }).appendChild(document.createElement('slot')); window.__rootAtDcl = 'free'; }
  catch (e) { window.__rootAtDcl = 'taken'; }
});</script>`;
const probed = withHead(broken, PROBE_ROOT);
/** Named elements are properties of the content scripts' global too (DOM clobbering). */
const clobbering = withBodyEnd(broken, '<div id="browser"></div><div id="__nianbaoBodyRoots"></div>');
const probedNews = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>我县召开政务公开工作推进会</title>${PROBE_ROOT}</head><body><p>会议强调，要进一步提高政务公开工作质量。</p></body></html>`;

/** Page CSS that tries to hide or move anything that could be ours. */
const HIDE_CSS = `nianbao-inspector, [data-nianbao], html > div, body > div:last-child, html > :not(head):not(body) {
  display: none !important; visibility: hidden !important; opacity: 0 !important; transform: scale(0) !important;
  position: absolute !important; left: -9999px !important; clip-path: inset(50%) !important; }`;

describe.runIf(HAVE_BROWSER)('the overlay on hostile pages', () => {
  let site: Site;
  let l: Launched;
  const errors: string[] = [];

  beforeAll(async () => {
    site = await serve({
      '/ndbg/broken.html': broken,
      '/ndbg/clean.html': clean,
      '/ndbg/structural.html': structural,
      '/ndbg/custom.html': customBefore,
      '/ndbg/owned.html': bodyOwned,
      '/ndbg/probed.html': probed,
      '/ndbg/clobbering.html': clobbering,
      '/news/probed.html': probedNews,
      ...Object.fromEntries(
        SAMPLES.map((n) => [`/samples/${n}`, readFileSync(join(ROOT, 'assets', 'samples', n), 'utf8')]),
      ),
    });
    l = await launch(EXTENSION_DIR);
  }, 120_000);

  afterAll(async () => {
    await l?.close();
    await new Promise<void>((r) => (site ? site.server.close(() => r()) : r()));
  });

  async function open(path: string, host = 'www.example.gov.cn'): Promise<Page> {
    const page = await l.context.newPage();
    page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
    await page.goto(`http://${host}:${site.port}${path}`);
    return page;
  }

  /** Wait until the overlay shows this finding's badge. */
  const badgeShown = (page: Page, id = ROW_TOTAL) =>
    expect
      .poll(
        () =>
          inOverlay(page, (root, fid) => !!root.querySelector(`.badge[data-finding-id="${fid}"]`), id).then(
            (x) => x ?? false,
          ),
        { timeout: 15_000 },
      )
      .toBe(true);

  /**
   * Bring the finding's cell into view (focus its badge) and say whether its badge is where the user sees
   * it: laid out, and the topmost thing under the pointer there (not hidden, not covered).
   */
  async function badgeOnTop(page: Page, id = ROW_TOTAL) {
    // focus brings a mark into view (a badge far from the viewport is not laid out until then)
    await inOverlay(
      page,
      (root, fid) => root.querySelector<HTMLElement>(`.badge[data-finding-id="${fid}"]`)?.focus(),
      id,
    );
    await page.waitForTimeout(250);
    return inOverlay(
      page,
      (root, fid) => {
        const b = root.querySelector<HTMLElement>(`.badge[data-finding-id="${fid}"]`);
        if (!b) return { found: false, size: 0, onTop: false, inView: false };
        const r = b.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = root.elementFromPoint(x, y);
        return {
          found: true,
          size: r.width * r.height,
          onTop: !!hit && (hit === b || b.contains(hit)),
          inView: y > 0 && y < innerHeight && x > 0 && x < innerWidth,
        };
      },
      id,
    );
  }

  /** Computed styles and boxes of <html>, <body> and every element in it. */
  const snapshot = (p: Page) =>
    p.evaluate(() => {
      const props = [
        'display',
        'color',
        'background-color',
        'margin-top',
        'margin-left',
        'margin-bottom',
        'padding-top',
        'padding-left',
        'border-top-width',
        'border-top-color',
        'outline-style',
        'font-size',
        'font-weight',
        'letter-spacing',
        'position',
      ];
      const els = [
        document.documentElement,
        document.body,
        ...Array.from(document.body.querySelectorAll('*')),
      ];
      return els.map((e) => {
        const cs = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        return `${e.localName}.${e.className}|${props.map((k) => cs.getPropertyValue(k)).join(',')}|${[r.x, r.y, r.width, r.height].join(',')}`;
      });
    });

  it('the page cannot read the marks: no element of ours in its DOM, no shadow root it can open', async () => {
    const page = await open('/ndbg/broken.html');
    await badgeShown(page);
    const seen = await page.evaluate(() => ({
      byAttr: document.querySelectorAll('[data-nianbao]').length,
      byTag: document.querySelectorAll('nianbao-inspector').length,
      bodyRoot: document.body.shadowRoot,
      openRoots: Array.from(document.querySelectorAll('*')).filter((e) => e.shadowRoot).length,
      popovers: document.querySelectorAll('[popover]').length,
      text: document.body.textContent?.includes('年报巡检') ?? false,
      innerText: document.body.innerText.includes('年报巡检'),
    }));
    expect(seen).toEqual({
      byAttr: 0,
      byTag: 0,
      bodyRoot: null,
      openRoots: 0,
      popovers: 0,
      text: false,
      innerText: false,
    });
    // …while the marks are there, in a closed root on <body>
    expect(await inOverlay(page, (root) => ({ host: root.host.localName, mode: root.mode }))).toEqual({
      host: 'body',
      mode: 'closed',
    });
    expect(await badgeOnTop(page)).toMatchObject({ found: true, onTop: true, inView: true });
    // real clicks: on the badge the card opens, inside the card it stays, on the page it closes
    const rectOf = (sel: string) =>
      inOverlay(
        page,
        (root, q) => {
          const r = root.querySelector(q)?.getBoundingClientRect();
          return r ? { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 12) } : null;
        },
        sel,
      );
    const card = () =>
      inOverlay(page, (root) => root.querySelector<HTMLElement>('.card')?.dataset.findingId ?? null);
    const b = await rectOf(`.badge[data-finding-id="${ROW_TOTAL}"]`);
    await page.mouse.click(b?.x ?? 0, b?.y ?? 0);
    expect(await card()).toBe(ROW_TOTAL);
    const c = await rectOf('.card h3');
    await page.mouse.click(c?.x ?? 0, c?.y ?? 0);
    expect(await card()).toBe(ROW_TOTAL);
    await page.mouse.click(5, 5);
    expect(await card()).toBeNull();
    await page.close();
  }, 60_000);

  it('a report’s <body> has the overlay’s root from DOMContentLoaded on (the detector’s); a page that is not a report gets none', async () => {
    const page = await open('/ndbg/probed.html');
    await badgeShown(page);
    expect(await page.evaluate(() => (window as unknown as { __rootAtDcl?: string }).__rootAtDcl)).toBe(
      'taken',
    );
    // the engine, a script of its own injected later, draws in that root
    expect(await inOverlay(page, (root) => root.host === document.body)).toBe(true);
    await page.close();
    const news = await open('/news/probed.html');
    await news.waitForLoadState('load');
    expect(await news.evaluate(() => (window as unknown as { __rootAtDcl?: string }).__rootAtDcl)).toBe(
      'free',
    );
    await news.close();
  }, 60_000);

  it('elements named like the globals the extension reads (browser, its registry) do not stop the audit', async () => {
    const page = await open('/ndbg/clobbering.html');
    await badgeShown(page);
    expect(await inOverlay(page, (root) => root.host === document.body)).toBe(true);
    await page.close();
  }, 60_000);

  it('page styles that depend on body:last-child, html > *, * + body, :only-child match as without the extension; nothing moves', async () => {
    // the same page where the extension does not run (another site, nobody asked) and where it draws
    const plain = await open('/ndbg/structural.html', 'www.example.org');
    const page = await open('/ndbg/structural.html');
    await badgeShown(page);
    expect(await overlayCount(plain)).toBe(0);
    const without = await snapshot(plain);
    const withExt = await snapshot(page);
    expect(withExt).toEqual(without);
    // the rules did apply (the test page means something): body is the last child, the span an only child
    const facts = await page.evaluate(() => ({
      bg: getComputedStyle(document.body).backgroundColor,
      padLeft: getComputedStyle(document.body).paddingLeft,
      only: getComputedStyle(document.querySelector('.only > span') as Element).fontWeight,
      lastChild: document.documentElement.lastElementChild === document.body,
      children: document.documentElement.children.length,
    }));
    expect(facts).toEqual({
      bg: 'rgb(250, 240, 230)',
      padLeft: '11px',
      only: '700',
      lastChild: true,
      children: 2,
    });
    await plain.close();
    await page.close();
  }, 60_000);

  it('the sample pages (TRS, Hanweb, platform markup) look the same with the overlay as without', async () => {
    for (const n of SAMPLES) {
      const plain = await open(`/samples/${n}`, 'www.example.org');
      const page = await open(`/samples/${n}`);
      await expect.poll(() => overlayCount(page), { timeout: 15_000 }).toBe(1);
      expect(await snapshot(page), n).toEqual(await snapshot(plain));
      await plain.close();
      await page.close();
    }
  }, 90_000);

  it('document.open()/write() after load: the overlay comes back with the new content’s marks', async () => {
    const write = (p: Page, html: string) =>
      p.evaluate((h) => {
        document.open();
        document.write(h);
        document.close();
      }, html);
    const has = (p: Page) =>
      inOverlay(p, (root, id) => !!root.querySelector(`[data-finding-id="${id}"]`), ROW_TOTAL);
    const page = await open('/ndbg/broken.html');
    await badgeShown(page);
    // the same report written again: same findings, but every element is new
    await write(page, broken);
    await expect
      .poll(() => badgeOnTop(page), { timeout: 15_000 })
      .toMatchObject({ found: true, onTop: true });
    expect(await overlayCount(page)).toBe(1);
    // a clean report: the stale marks go
    await write(page, clean);
    await expect.poll(() => has(page), { timeout: 15_000 }).toBe(false);
    expect(await overlayCount(page)).toBe(1);
    // and a broken one again: its marks come
    await write(page, broken);
    await expect
      .poll(() => badgeOnTop(page), { timeout: 15_000 })
      .toMatchObject({ found: true, onTop: true });
    await page.close();
  }, 60_000);

  it('a replaced <body> gets the overlay back, with marks on the new cells; a body taken out and put back too', async () => {
    const page = await open('/ndbg/broken.html');
    await badgeShown(page);
    await page.evaluate((inner) => {
      const nb = document.createElement('body');
      nb.innerHTML = inner;
      document.body.replaceWith(nb);
    }, brokenBody);
    await expect
      .poll(() => badgeOnTop(page), { timeout: 15_000 })
      .toMatchObject({ found: true, onTop: true });
    expect(await inOverlay(page, (root) => root.host === document.body)).toBe(true);
    // the same body out and back in: the top layer lets go of removed elements, the overlay shows again
    await page.evaluate(() => {
      const b = document.body;
      b.remove();
      document.documentElement.appendChild(b);
    });
    await expect
      .poll(() => badgeOnTop(page), { timeout: 15_000 })
      .toMatchObject({ found: true, onTop: true });
    expect(await overlayCount(page)).toBe(1);
    await page.close();
  }, 60_000);

  it('a page that defines our possible tag names as its own custom elements, before or after we mount, breaks nothing', async () => {
    const page = await open('/ndbg/custom.html');
    await badgeShown(page);
    await page.evaluate(`${DEFINE}(['nianbao-badge', 'nianbao-card', 'nianbao-marks'])`);
    expect(await page.evaluate(() => (window as unknown as { __upgraded?: number }).__upgraded ?? 0)).toBe(0);
    expect(await badgeOnTop(page)).toMatchObject({ found: true, onTop: true, inView: true });
    const view = await inOverlay(page, (root) => ({
      hijacked: root.textContent?.includes('hijacked') ?? false,
      custom: root.querySelectorAll(':defined').length === root.querySelectorAll('*').length,
    }));
    expect(view).toEqual({ hijacked: false, custom: true });
    await page.close();
  }, 60_000);

  it('restyled: page CSS and inline styles aimed at anything of ours, max z-index covers, a filtered <html> cannot hide the marks', async () => {
    const page = await open('/ndbg/broken.html');
    await badgeShown(page);
    await page.evaluate((css) => {
      const s = document.createElement('style');
      s.textContent = `${css} html { filter: grayscale(1); } body { transform: translateX(0); }
        .cover { position: fixed; inset: 0; z-index: 2147483647; background: rgba(255,255,255,.01); }`;
      document.head.appendChild(s);
      const cover = document.createElement('div');
      cover.className = 'cover';
      document.body.appendChild(cover);
      for (const e of Array.from(document.querySelectorAll<HTMLElement>('html > *, [data-nianbao]')))
        if (e !== document.head && e !== document.body) e.style.setProperty('display', 'none', 'important');
    }, HIDE_CSS);
    await page.waitForTimeout(300);
    expect(await badgeOnTop(page)).toMatchObject({ found: true, onTop: true, inView: true });
    await page.close();
  }, 60_000);

  /** The finding's outline box and the table cell under its centre, both in viewport pixels. */
  async function boxOverCell(page: Page, id = ROW_TOTAL) {
    await badgeOnTop(page, id); // scrolls it into view
    const box = await inOverlay(
      page,
      (root, fid) => {
        const b = root.querySelector<HTMLElement>(`.box.fault[data-finding-id="${fid}"]`);
        const r = b?.getBoundingClientRect();
        return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
      },
      id,
    );
    if (!box) return null;
    const cell = await page.evaluate((b) => {
      const td = document.elementFromPoint(b.x + b.w / 2, b.y + b.h / 2)?.closest('td, th');
      const r = td?.getBoundingClientRect();
      return r ? { x: r.left, y: r.top, w: r.width, h: r.height } : null;
    }, box);
    return { box, cell };
  }

  it('a zoomed page (适老化 zoom on <body> or <html>) keeps every outline on its cell', async () => {
    for (const [target, zoom] of [
      ['body', '1.5'],
      ['html', '1.25'],
    ] as const) {
      const page = await open('/ndbg/broken.html');
      await badgeShown(page);
      await page.evaluate(
        ([t, z]) => {
          (t === 'body' ? document.body : document.documentElement).style.setProperty('zoom', z);
        },
        [target, zoom] as const,
      );
      await page.waitForTimeout(300);
      const at = await boxOverCell(page);
      expect(at?.cell, `${target} zoom ${zoom}`).not.toBeNull();
      // the box is the cell's outline, 3 px outside it on every side
      expect(Math.abs((at?.box.x ?? 0) - ((at?.cell?.x ?? 0) - 3)), target).toBeLessThan(1.5);
      expect(Math.abs((at?.box.y ?? 0) - ((at?.cell?.y ?? 0) - 3)), target).toBeLessThan(1.5);
      expect(Math.abs((at?.box.w ?? 0) - ((at?.cell?.w ?? 0) + 6)), target).toBeLessThan(1.5);
      expect(Math.abs((at?.box.h ?? 0) - ((at?.cell?.h ?? 0) + 6)), target).toBeLessThan(1.5);
      await page.close();
    }
  }, 60_000);

  describe('where <body> has a shadow root of the page’s own: the fallback host', () => {
    it('is a plain element before <head> (body stays the last child) whose closed root the page cannot open', async () => {
      const page = await open('/ndbg/owned.html');
      await badgeShown(page);
      const seen = await page.evaluate(() => {
        const host = document.querySelector('[data-nianbao]');
        return {
          tag: host?.localName,
          first: document.documentElement.firstElementChild === host,
          bodyLast: document.documentElement.lastElementChild === document.body,
          shadowRoot: host?.shadowRoot,
          children: host?.childNodes.length,
        };
      });
      expect(seen).toEqual({ tag: 'div', first: true, bodyLast: true, shadowRoot: null, children: 0 });
      expect(await inOverlay(page, (root) => ({ host: root.host.localName, mode: root.mode }))).toEqual({
        host: 'div',
        mode: 'closed',
      });
      expect(await badgeOnTop(page)).toMatchObject({ found: true, onTop: true, inView: true });
      await page.close();
    }, 60_000);

    it('restyled by page CSS, inline styles and attributes: the marks stay visible', async () => {
      const page = await open('/ndbg/owned.html');
      await badgeShown(page);
      await page.evaluate((css) => {
        const s = document.createElement('style');
        s.textContent = css;
        document.head.appendChild(s);
        const host = document.querySelector<HTMLElement>('[data-nianbao]');
        host?.style.setProperty('display', 'none', 'important');
        host?.setAttribute('hidden', '');
        host?.setAttribute('inert', '');
      }, HIDE_CSS);
      await page.waitForTimeout(300);
      expect(await badgeOnTop(page)).toMatchObject({ found: true, onTop: true, inView: true });
      const host = await page.evaluate(() => {
        const h = document.querySelector('[data-nianbao]') as HTMLElement;
        const cs = getComputedStyle(h);
        return {
          display: cs.display,
          visibility: cs.visibility,
          opacity: cs.opacity,
          attrs: h.getAttributeNames(),
        };
      });
      expect(host).toEqual({
        display: 'block',
        visibility: 'visible',
        opacity: '1',
        attrs: ['data-nianbao', 'style'],
      });
      await page.close();
    }, 60_000);

    it('removed, again and again by a page observer: re-attached with back-off (no hot loop), back when the page stops', async () => {
      const page = await open('/ndbg/owned.html');
      await badgeShown(page);
      await page.evaluate(() => {
        const w = window as unknown as { __removed: number; __stop: boolean };
        w.__removed = 0;
        w.__stop = false;
        const kill = () => {
          if (w.__stop) return;
          for (const e of Array.from(document.querySelectorAll('[data-nianbao]'))) {
            e.remove();
            w.__removed++;
          }
        };
        new MutationObserver(kill).observe(document.documentElement, { childList: true });
        kill();
      });
      await page.waitForTimeout(1500);
      // the page still answers, and the fight stayed small: a few immediate repairs, then longer and longer waits
      const removed = await page.evaluate(() => (window as unknown as { __removed: number }).__removed);
      expect(removed).toBeGreaterThanOrEqual(2);
      expect(removed).toBeLessThan(15);
      await page.evaluate(() => {
        (window as unknown as { __stop: boolean }).__stop = true;
      });
      await expect.poll(() => overlayCount(page), { timeout: 15_000 }).toBe(1);
      await expect
        .poll(() => badgeOnTop(page), { timeout: 15_000 })
        .toMatchObject({ found: true, onTop: true });
      const repairs = Number(
        await inOverlay(page, (root) => root.querySelector<HTMLElement>('[data-nianbao]')?.dataset.repairs),
      );
      expect(repairs).toBeGreaterThanOrEqual(removed);
      expect(repairs).toBeLessThanOrEqual(removed + 2);
      await page.close();
    }, 60_000);
  });

  it('no page errors', () => {
    expect(errors).toEqual([]);
  });
});

/**
 * The engine's message handling (over fakeBrowser) and its page-side parts: capture support on linkedom,
 * the crop region, the time-bounded re-audit gate.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { engineHandlers } from '../../entrypoints/shared/engine-handlers';
import { cropRegion, PageCapture } from '../../entrypoints/shared/page-capture';
import { ReauditGate } from '../../entrypoints/shared/reaudit';
import { call, ENGINE, handle, type Sender } from '../../lib/messages';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { parse } from '../helpers';

const ID = fakeBrowser.runtime.id;
const self = () => ({ id: ID, base: fakeBrowser.runtime.getURL('/') });

function page() {
  const doc = parse(`<html><body><header style="position:fixed;visibility:visible">头</header>
    <div style="position:sticky">粘</div><p>正文</p><nianbao-inspector style="position:fixed"></nianbao-inspector></body></html>`);
  const win = {
    scrollX: 0,
    scrollY: 0,
    innerWidth: 1000,
    innerHeight: 700,
    devicePixelRatio: 2,
    scrollTo(x: number, y: number) {
      this.scrollX = x;
      this.scrollY = Math.max(0, Math.min(y, 3000 - 700));
    },
  };
  const relayout = vi.fn();
  const capture = new PageCapture(win, doc, {
    keep: (el) => el.tagName.toLowerCase() === 'nianbao-inspector',
    positionOf: (el) => el.style.position,
    nextFrame: async () => undefined,
    sleep: async () => undefined,
    relayout,
  });
  return { doc, win, capture, relayout };
}

type Trigger = { trigger(...args: unknown[]): Promise<unknown[]> };
const from = (sender: Sender) => (msg: object) =>
  new Promise<unknown>((resolve) => {
    void (fakeBrowser.runtime.onMessage as unknown as Trigger).trigger(msg, sender, resolve).then((r) => {
      if (!r.includes(true)) resolve(undefined);
    });
  });
const background = from({ id: ID, url: fakeBrowser.runtime.getURL('/background.js') });
const contentScript = from({ id: ID, url: 'http://www.example.gov.cn/a.html', tab: { id: 1 }, frameId: 0 });

describe('the engine answers the protocol', () => {
  let p: ReturnType<typeof page>;
  const parts = {
    runForced: vi.fn(),
    focus: vi.fn((id: string) => id === 'known'),
    setHidden: vi.fn(async () => true),
    region: vi.fn(async (id: string) => (id === 'known' ? { left: 1, top: 2, width: 3, height: 4 } : null)),
    applySettings: vi.fn(),
    captureMode: vi.fn(async () => true),
    places: vi.fn((ids: string[]) => ids.map((id) => ({ id, table: null, header: null, target: null }))),
    toast: vi.fn(() => true),
    setView: vi.fn((change: { only?: Array<'error' | 'warning' | 'info'> | null; hidden?: boolean }) => ({
      only: change.only ?? null,
      hidden: change.hidden ?? false,
      filteredOut: 0,
    })),
  };
  beforeEach(() => {
    fakeBrowser.reset();
    vi.clearAllMocks();
    p = page();
    fakeBrowser.runtime.onMessage.addListener(
      handle(ENGINE, engineHandlers({ ...parts, capture: p.capture }), self),
    );
  });

  it('scrolls slice by slice with fixed elements hidden, then restores the page', async () => {
    const m = await call(ENGINE, 'scroll-to', { y: 700, hideFixed: true }, background);
    expect(m).toMatchObject({ scrollY: 700, innerHeight: 700, dpr: 2 });
    expect(p.relayout).toHaveBeenCalled();
    const [header, sticky] = [p.doc.querySelector('header'), p.doc.querySelector('div')];
    expect([header?.style.visibility, sticky?.style.visibility]).toEqual(['hidden', 'hidden']);
    expect(p.doc.querySelector('nianbao-inspector')?.getAttribute('style')).not.toContain('hidden');
    expect(await call(ENGINE, 'restore-page', { x: 0, y: 120 }, background)).toBe(true);
    expect([header?.style.visibility, sticky?.style.visibility]).toEqual(['visible', '']);
    expect(p.win.scrollY).toBe(120);
    // hidden again on the next capture, and restored again
    await call(ENGINE, 'scroll-to', { y: 0, hideFixed: true }, background);
    expect(header?.style.visibility).toBe('hidden');
    await call(ENGINE, 'restore-page', { x: 0, y: 0 }, background);
    expect(header?.style.visibility).toBe('visible');
  });

  it('focuses, hides, finds regions and takes new settings', async () => {
    expect(await call(ENGINE, 'focus-finding', { id: 'known' }, background)).toBe(true);
    expect(await call(ENGINE, 'focus-finding', { id: 'gone' }, background)).toBe(false);
    expect(await call(ENGINE, 'finding-region', { id: 'known' }, background)).toEqual({
      left: 1,
      top: 2,
      width: 3,
      height: 4,
    });
    expect(await call(ENGINE, 'set-hidden', { hidden: true }, background)).toBe(true);
    expect(parts.setHidden).toHaveBeenCalledWith(true);
    await call(ENGINE, 'settings-changed', { settings: { ...DEFAULT_SETTINGS, lang: 'en' } }, background);
    expect(parts.applySettings).toHaveBeenCalledWith({ ...DEFAULT_SETTINGS, lang: 'en' });
    await call(ENGINE, 'run-audit', {}, background);
    expect(parts.runForced).toHaveBeenCalledTimes(1);
    expect(await call(ENGINE, 'capture-mode', { on: true }, background)).toBe(true);
    expect(parts.captureMode).toHaveBeenCalledWith(true, null);
    await call(ENGINE, 'capture-mode', { on: true, only: ['a'] }, background);
    expect(parts.captureMode).toHaveBeenLastCalledWith(true, ['a']);
    expect(await call(ENGINE, 'finding-places', { ids: ['a'] }, background)).toEqual([
      { id: 'a', table: null, header: null, target: null },
    ]);
    expect(await call(ENGINE, 'show-toast', { text: '请先点击' }, background)).toBe(true);
    expect(parts.toast).toHaveBeenCalledWith('请先点击');
    // show only errors; a field left out is not passed on (unchanged)
    expect(await call(ENGINE, 'set-view', { only: ['error'] }, background)).toEqual({
      only: ['error'],
      hidden: false,
      filteredOut: 0,
    });
    expect(parts.setView).toHaveBeenLastCalledWith({ only: ['error'] });
    await call(ENGINE, 'set-view', {}, background);
    expect(parts.setView).toHaveBeenLastCalledWith({});
  });

  it('refuses content scripts and requests that do not parse', async () => {
    await expect(call(ENGINE, 'run-audit', {}, contentScript)).rejects.toThrow(/refused/);
    expect(parts.runForced).not.toHaveBeenCalled();
    expect(await background({ type: 'scroll-to', y: 'top' })).toEqual({ ok: false, error: 'bad request' });
    expect(p.win.scrollY).toBe(0);
  });

  it('a region the engine cannot give is rejected as a bad reply, not passed on', async () => {
    parts.region.mockResolvedValueOnce({ left: 1 } as never);
    await expect(call(ENGINE, 'finding-region', { id: 'known' }, background)).rejects.toThrow(/bad reply/);
  });
});

describe('capture support', () => {
  it('metrics come from the window and the document', () => {
    const { capture } = page();
    expect(capture.metrics()).toMatchObject({
      scrollX: 0,
      scrollY: 0,
      innerWidth: 1000,
      innerHeight: 700,
      dpr: 2,
    });
  });

  it('crops a finding to its table, or to one viewport around the cell of a tall table', () => {
    expect(
      cropRegion(
        { left: 10, top: 100, width: 500, height: 300 },
        { left: 20, top: 150, width: 40, height: 20 },
        700,
      ),
    ).toEqual({
      left: 10,
      top: 100,
      width: 500,
      height: 300,
    });
    expect(
      cropRegion(
        { left: 0, top: -900, width: 800, height: 2400 },
        { left: 0, top: 400, width: 40, height: 20 },
        700,
      ),
    ).toEqual({ left: 0, top: 50, width: 800, height: 700 });
  });
});

describe('re-audits after page changes', () => {
  it('are debounced, at least minGap apart, and use at most maxShare of the time', () => {
    const gate = new ReauditGate({ debounceMs: 600, minGapMs: 1500, maxShare: 0.1 });
    expect(gate.delay(0)).toBe(600);
    gate.ran(1000, 1010); // a quick audit: the gap rules
    expect(gate.delay(1010)).toBe(1500);
    gate.ran(5000, 5400); // a slow one (400 ms): wait 3600 ms so re-audits stay at 10 %
    expect(gate.delay(5400)).toBe(3600);
    expect(400 / (400 + gate.delay(5400))).toBeLessThanOrEqual(0.1);
    expect(gate.delay(20_000)).toBe(600);
  });

  it('never run out: a page that changes every second is still followed an hour later', () => {
    const gate = new ReauditGate({ debounceMs: 600, minGapMs: 1500, maxShare: 0.1 });
    let now = 0;
    let runs = 0;
    let busy = 0;
    while (now < 3_600_000) {
      now += gate.delay(now);
      gate.ran(now, now + 50);
      busy += 50;
      now += 50;
      runs++;
    }
    expect(runs).toBeGreaterThan(1000);
    expect(busy / now).toBeLessThanOrEqual(0.1);
  });
});

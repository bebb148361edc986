/**
 * Where the overlay mounts (linkedom: structure only; rendering, the top layer, removal and hostile pages
 * are proven in Chromium by tests/e2e/hostile.test.ts). linkedom's `document.body` does not find a <body>
 * that is not the second child of <html> (it makes a new one), so the fallback host's place is checked
 * there too, not here.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { HOST_ATTR, HOST_STYLE, OverlayMount } from '../../lib/overlay/mount';

const PAGE =
  '<!doctype html><html><head><title>t</title></head><body><div id="a">甲</div><p>乙</p></body></html>';

function setup(html = PAGE) {
  const { document } = parseHTML(html);
  const layer = document.createElement('div');
  layer.setAttribute(HOST_ATTR, '');
  const style = document.createElement('style');
  return { document, layer, style };
}

const shape = (d: Document) =>
  Array.from(d.querySelectorAll('*'))
    .map((e) => e.localName)
    .join(',');

describe('overlay mount', () => {
  it('lives in a closed shadow root on <body>: the page’s tree is unchanged and holds nothing of ours', () => {
    const { document, layer, style } = setup();
    const before = shape(document);
    const m = new OverlayMount(document, [style, layer], layer);
    m.mount();
    expect(m.mode).toBe('body');
    expect(shape(document)).toBe(before);
    expect(document.querySelectorAll(`[${HOST_ATTR}]`)).toHaveLength(0);
    expect(document.body.shadowRoot).toBeNull();
    const root = m.shadowRoot as ShadowRoot;
    expect(root.host).toBe(document.body);
    expect(Array.from(root.childNodes).map((n) => n.nodeName.toLowerCase())).toEqual([
      'slot',
      'style',
      'div',
    ]);
    m.stop();
    expect(Array.from(root.childNodes).map((n) => n.nodeName.toLowerCase())).toEqual(['slot']);
  });

  it('a later overlay on the same body reuses its root (a body takes one shadow root for life)', () => {
    const { document, layer, style } = setup();
    const first = new OverlayMount(document, [style, layer], layer);
    first.mount();
    const root = first.shadowRoot;
    first.stop();
    const layer2 = document.createElement('div');
    const second = new OverlayMount(document, [layer2], layer2);
    second.mount();
    expect(second.mode).toBe('body');
    expect(second.shadowRoot).toBe(root);
    expect(layer2.parentNode).toBe(root);
  });

  it('takes the root another script of ours gave the body (the detector; an engine evaluated afresh)', async () => {
    const { document, layer, style } = setup();
    // the detector bundles its own copy of body-root.ts, and every injection evaluates the engine afresh:
    // the roots live in the script world's global, not in one module's state
    vi.resetModules();
    const early = (await import('../../lib/overlay/body-root')).bodyRoot(document.body);
    vi.resetModules();
    const { OverlayMount: Fresh } = await import('../../lib/overlay/mount');
    const m = new Fresh(document, [style, layer], layer);
    m.mount();
    expect(m.mode).toBe('body');
    expect(m.shadowRoot).toBe(early);
    expect(Array.from(early?.childNodes ?? []).map((n) => n.nodeName.toLowerCase())).toEqual([
      'slot',
      'style',
      'div',
    ]);
  });

  it('falls back to a plain host before <head> when <body> has a shadow root of its own', () => {
    const { document, layer, style } = setup();
    document.body.attachShadow({ mode: 'open' });
    const m = new OverlayMount(document, [style, layer], layer);
    m.mount();
    expect(m.mode).toBe('host');
    const host = document.documentElement.firstElementChild as HTMLElement;
    expect(host.localName).toBe('div');
    expect(host.hasAttribute(HOST_ATTR)).toBe(true);
    expect(host.getAttribute('style')).toBe(HOST_STYLE);
    expect(host.shadowRoot).toBeNull(); // closed
    expect(layer.parentNode).toBe(m.shadowRoot);
    m.stop();
    expect(document.querySelectorAll(`[${HOST_ATTR}]`)).toHaveLength(0);
  });

  it('falls back when a body child carries a slot attribute (a default slot would not show it)', () => {
    const { document, layer } = setup(
      '<!doctype html><html><head></head><body><div slot="x">甲</div></body></html>',
    );
    const m = new OverlayMount(document, [layer], layer);
    m.mount();
    expect(m.mode).toBe('host');
  });

  it('the host keeps only its own attributes and style', async () => {
    const { document, layer } = setup();
    const m = new OverlayMount(document, [layer], layer, { forceHost: true });
    m.mount();
    const host = document.querySelector<HTMLElement>(`[${HOST_ATTR}]`) as HTMLElement;
    host.setAttribute('style', 'display:none');
    host.setAttribute('hidden', '');
    await new Promise((r) => setTimeout(r, 0));
    expect(host.getAttribute('style')).toBe(HOST_STYLE);
    expect(host.getAttributeNames().sort()).toEqual([HOST_ATTR, 'style']);
  });
});

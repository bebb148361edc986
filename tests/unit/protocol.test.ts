/** The message protocol: requests and replies checked both ways, senders checked, handlers exhaustive. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import {
  BACKGROUND,
  call,
  classify,
  ENGINE,
  ENGINE_TO_BACKGROUND,
  handle,
  PAGES,
  ProtocolError,
} from '../../lib/messages';
import { reportPage } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const self = { id: 'ext', base: 'chrome-extension://ext/' };
const page = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const tab = { id: 'ext', url: 'http://www.example.gov.cn/a.html', frameId: 2, tab: { id: 7 } };

/** Run a listener on one message and return what it answered (undefined when it left it to others). */
function answer(listener: ReturnType<typeof handle>, msg: unknown, sender: object): Promise<unknown> {
  return new Promise((resolve) => {
    if (listener(msg, sender, resolve) !== true) resolve(undefined);
  });
}

describe('call()', () => {
  it('checks what it sends', async () => {
    const sent: object[] = [];
    const send = async (m: object) => {
      sent.push(m);
      return { ok: true, value: null };
    };
    // @ts-expect-error: the request is typed; at run time it is checked too
    await expect(call(ENGINE, 'focus-finding', { id: 3 }, send)).rejects.toThrow(ProtocolError);
    expect(sent).toEqual([]);
    await call(ENGINE, 'run-audit', {}, send);
    expect(sent).toEqual([{ type: 'run-audit' }]);
  });

  it('rejects a bad, missing or refused reply', async () => {
    const reply = (v: unknown) => async () => v;
    await expect(call(ENGINE, 'focus-finding', { id: 'a' }, reply({ ok: true, value: true }))).resolves.toBe(
      true,
    );
    await expect(
      call(ENGINE, 'focus-finding', { id: 'a' }, reply({ ok: true, value: 'yes' })),
    ).rejects.toThrow(/bad reply/);
    await expect(
      call(ENGINE, 'capture-info', {}, reply({ ok: true, value: { scrollX: 0 } })),
    ).rejects.toThrow(/bad reply/);
    await expect(call(ENGINE, 'focus-finding', { id: 'a' }, reply(undefined))).rejects.toThrow(
      /no valid reply/,
    );
    await expect(call(ENGINE, 'focus-finding', { id: 'a' }, reply(true))).rejects.toThrow(/no valid reply/);
    await expect(
      call(ENGINE, 'focus-finding', { id: 'a' }, reply({ ok: false, error: 'refused' })),
    ).rejects.toThrow(/refused/);
  });
});

describe('handle()', () => {
  const listener = handle(
    PAGES,
    {
      'issues-changed': () => null,
      'tab-changed': () => null,
      'store-changed': () => null,
      'capture-progress': () => null,
      // a handler that answers what its schema does not allow
      'settings-changed': () => 'nonsense' as unknown as null,
    },
    () => self,
  );

  it('leaves messages of other directions to other listeners', async () => {
    expect(await answer(listener, { type: 'issues-add', tabId: 1 }, page)).toBeUndefined();
    expect(await answer(listener, 'issues-changed', page)).toBeUndefined();
    expect(await answer(listener, { type: 'toString' }, page)).toBeUndefined();
  });

  it('refuses page-only requests from content scripts and from strangers; bad requests; bad replies', async () => {
    expect(await answer(listener, { type: 'issues-changed' }, page)).toEqual({ ok: true, value: null });
    expect(await answer(listener, { type: 'issues-changed' }, tab)).toEqual({ ok: false, error: 'refused' });
    expect(await answer(listener, { type: 'issues-changed' }, { ...page, id: 'other' })).toEqual({
      ok: false,
      error: 'refused',
    });
    expect(await answer(listener, { type: 'tab-changed', tabId: 'x' }, page)).toEqual({
      ok: false,
      error: 'bad request',
    });
    expect(await answer(listener, { type: 'settings-changed', settings: {} }, page)).toEqual({
      ok: false,
      error: 'bad request',
    });
  });

  it('checks the handler’s reply against the schema', async () => {
    const l = handle(
      ENGINE,
      {
        'run-audit': () => null,
        'focus-finding': () => 'no' as unknown as boolean,
        'set-hidden': () => true,
        'capture-info': () => ({
          scrollX: 0,
          scrollY: 0,
          scrollHeight: 1,
          innerWidth: 1,
          innerHeight: 1,
          dpr: 1,
        }),
        'scroll-to': () => Promise.reject(new Error('page gone')),
        'restore-page': () => true,
        'finding-region': () => null,
        'settings-changed': () => null,
        'capture-mode': () => true,
        'finding-places': () => [],
        'show-toast': () => true,
        'set-view': () => ({ only: null, hidden: false, filteredOut: 0 }),
      },
      () => self,
    );
    expect(await answer(l, { type: 'focus-finding', id: 'a' }, page)).toEqual({
      ok: false,
      error: 'bad reply',
    });
    expect(await answer(l, { type: 'scroll-to', y: 0, hideFixed: false }, page)).toEqual({
      ok: false,
      error: 'page gone',
    });
    expect(await answer(l, { type: 'finding-region', id: 'a' }, page)).toEqual({ ok: true, value: null });
  });

  it('is exhaustive: a direction with a message and no handler does not type-check', () => {
    // @ts-expect-error: 'tab-changed' and 'settings-changed' have no handler
    const partial = handle(PAGES, { 'issues-changed': () => null }, () => self);
    expect(typeof partial).toBe('function');
  });

  it('classifies senders: extension pages by URL, content scripts by their tab and frame', () => {
    expect(classify(page, self)).toEqual({ origin: 'extension', url: page.url });
    expect(classify({ ...page, tab: { id: 3 } }, self)?.origin).toBe('extension');
    expect(classify(tab, self)).toEqual({ origin: 'content', tabId: 7, frameId: 2, url: tab.url });
    expect(classify({ id: 'ext' }, self)).toBeNull();
    expect(classify({ ...tab, id: 'other' }, self)).toBeNull();
  });
});

describe('the protocol', () => {
  it('the engine’s view of its messages to the background is the background’s, with a lighter result check', () => {
    for (const [type, spec] of Object.entries(ENGINE_TO_BACKGROUND)) {
      const full = BACKGROUND[type as keyof typeof BACKGROUND];
      expect(full.from, type).toEqual(spec.from);
    }
    const result = toResult(auditHtml(reportPage({})));
    const msg = { type: 'audit-done', url: 'http://x.gov.cn/', result, order: [] };
    expect(ENGINE_TO_BACKGROUND['audit-done'].request.safeParse(msg).success).toBe(true);
    expect(BACKGROUND['audit-done'].request.safeParse(msg).success).toBe(true);
    const bad = { ...msg, result: { findings: [], report: {} } };
    expect(ENGINE_TO_BACKGROUND['audit-done'].request.safeParse(bad).success).toBe(true);
    expect(BACKGROUND['audit-done'].request.safeParse(bad).success).toBe(false);
  });

  it('page-only requests are declared for extension pages only', () => {
    const contentMay = Object.entries(BACKGROUND)
      .filter(([, s]) => s.from.includes('content'))
      .map(([k]) => k)
      .sort();
    expect(contentMay).toEqual([
      'audit-done',
      'audit-failed',
      'audit-page',
      'capture-finding-to-list',
      'capture-finding-to-markup',
      'get-settings',
      'history-keep',
      'history-previous',
      'ocr-picture',
      'report-detected',
    ]);
    for (const [k, s] of Object.entries(ENGINE)) expect(s.from, k).toEqual(['extension']);
  });

  it('the detector’s raw message is the protocol’s report-detected', () => {
    const src = readFileSync(join(__dirname, '../../entrypoints/detector.ts'), 'utf8');
    const literals = [...src.matchAll(/sendMessage\((\{[^)]*\})\)/g)].map((m) => m[1] ?? '');
    expect(literals).toHaveLength(1);
    const msg: unknown = JSON.parse((literals[0] ?? '').replace(/'/g, '"').replace(/(\w+):/g, '"$1":'));
    expect(msg).toEqual({ type: 'report-detected' });
    expect(BACKGROUND['report-detected'].request.safeParse(msg).success).toBe(true);
    expect(BACKGROUND['report-detected'].from).toEqual(['content']);
  });
});

import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { EngineContext, STARTED_EVENT } from '../../entrypoints/shared/engine-context';

describe('EngineContext: one engine per frame', () => {
  it('a newer engine ends the older one: its callbacks run once and its timers never fire', () => {
    vi.useFakeTimers();
    try {
      const world: Record<string, unknown> = {};
      const api = { runtime: { id: 'ext' } };
      const first = new EngineContext(world, api);
      const ended = vi.fn();
      const fired = vi.fn();
      first.onInvalidated(ended);
      first.setTimeout(fired, 100);
      expect(first.isValid).toBe(true);
      const second = new EngineContext(world, api);
      expect(first.isValid).toBe(false);
      expect(second.isValid).toBe(true);
      expect(ended).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(200);
      expect(fired).not.toHaveBeenCalled();
      // a callback added after the end runs at once
      const late = vi.fn();
      first.onInvalidated(late);
      expect(late).toHaveBeenCalledTimes(1);
      // the newer one's timers do fire
      const mine = vi.fn();
      second.setTimeout(mine, 10);
      vi.advanceTimersByTime(20);
      expect(mine).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('each injection evaluates the script afresh: a second copy of the module still ends the first', async () => {
    const world: Record<string, unknown> = {};
    const api = { runtime: { id: 'ext' } };
    vi.resetModules();
    const first = new (await import('../../entrypoints/shared/engine-context')).EngineContext(world, api);
    vi.resetModules();
    const Again = (await import('../../entrypoints/shared/engine-context')).EngineContext;
    expect(Again).not.toBe(EngineContext);
    const second = new Again(world, api);
    expect(first.isValid).toBe(false);
    expect(second.isValid).toBe(true);
  });

  it('an engine left behind by a reload (another world, its extension gone) ends when a new one starts', () => {
    const { document, Event: PageEvent } = parseHTML('<html><body></body></html>');
    const doc = document as unknown as Document;
    const old: { runtime: { id?: string } } = { runtime: { id: 'ext' } };
    const orphan = new EngineContext({}, old, doc);
    const ended = vi.fn();
    orphan.onInvalidated(ended);
    delete old.runtime.id; // the extension reloaded: the orphan has not looked yet
    expect(ended).not.toHaveBeenCalled();
    const fresh = new EngineContext({}, { runtime: { id: 'ext' } }, doc);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(fresh.isValid).toBe(true);
    // the event alone (a page may fire it) ends no engine that is still valid
    doc.dispatchEvent(new PageEvent(STARTED_EVENT));
    expect(fresh.isValid).toBe(true);
  });

  it('ends when the extension is gone (reloaded or removed)', () => {
    const api: { runtime: { id?: string } } = { runtime: { id: 'ext' } };
    const ctx = new EngineContext({}, api);
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    delete api.runtime.id;
    expect(ctx.isValid).toBe(false);
    expect(ended).toHaveBeenCalledTimes(1);
  });
});

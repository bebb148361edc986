import { describe, expect, it, vi } from 'vitest';
import { EngineContext } from '../../entrypoints/shared/engine-context';

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

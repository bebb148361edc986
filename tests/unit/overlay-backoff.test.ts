import { describe, expect, it } from 'vitest';
import { Backoff } from '../../lib/overlay/backoff';

/** A clock the test moves by hand. */
function clock() {
  let t = 1000;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

describe('overlay repair back-off', () => {
  it('repairs at once a few times, then waits twice as long each time, up to the ceiling', () => {
    const c = clock();
    const b = new Backoff(c.now, { free: 3, baseMs: 50, maxMs: 1000, quietMs: 5000 });
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const w = b.next();
      waits.push(w);
      c.advance(w); // the page undoes the repair as soon as it is done
    }
    expect(waits).toEqual([0, 0, 0, 50, 100, 200, 400, 800, 1000, 1000]);
    expect(b.streak).toBe(10);
  });

  it('a page that undoes every repair right away never gets a fresh budget, even at the ceiling', () => {
    const c = clock();
    const b = new Backoff(c.now, { free: 2, baseMs: 100, maxMs: 8000, quietMs: 5000 });
    let w = 0;
    for (let i = 0; i < 40; i++) {
      w = b.next();
      c.advance(w + 1);
    }
    expect(w).toBe(8000);
  });

  it('starts over after a quiet spell', () => {
    const c = clock();
    const b = new Backoff(c.now, { free: 1, baseMs: 50, maxMs: 1000, quietMs: 2000 });
    expect([b.next(), b.next(), b.next()]).toEqual([0, 50, 100]);
    c.advance(100 + 1999);
    expect(b.next()).toBe(200); // not quiet long enough after the last (delayed) repair
    c.advance(200 + 2001);
    expect(b.next()).toBe(0);
    expect(b.streak).toBe(1);
  });
});

/**
 * The engine's lifetime in one frame. Each injection starts a new engine; starting one ends the previous
 * one in this frame (its listeners, observer, timers and overlay go with it), and an engine whose extension
 * was reloaded or removed ends at its next check. The handover goes through a global of the extension's
 * own script world, which the page cannot see: each injection evaluates the script afresh (a new class), so
 * what is kept there is a plain function, not an instance. A newer engine also fires an event on the
 * document, on which every engine checks whether its extension is still there (an engine left behind by a
 * reload may live in another world); no postMessage (WXT's content-script context posts one to the page on
 * every start, which costs tens of milliseconds cold).
 */

interface Runtime {
  runtime?: { id?: string | undefined } | undefined;
}

const KEY = '__nianbaoEngineEnd';
/** Only makes engines check themselves: a page that fires it ends none that is still valid. */
export const STARTED_EVENT = 'nianbao:engine-started';

export class EngineContext {
  private readonly ended = new AbortController();

  /**
   * @param world the script world's global (globalThis in the content script; a plain object in tests)
   * @param api the extension API, whose runtime.id disappears when the extension goes away
   * @param doc the frame's document (null in tests that need none)
   */
  constructor(
    world: Record<string, unknown>,
    private readonly api: Runtime,
    doc: Document | null = null,
  ) {
    const previous = world[KEY];
    if (typeof previous === 'function') previous();
    const end = () => this.end();
    world[KEY] = end;
    this.onInvalidated(() => {
      if (world[KEY] === end) delete world[KEY];
    });
    if (doc) {
      const EventOf = (doc.defaultView as (Window & typeof globalThis) | null)?.Event ?? Event;
      doc.dispatchEvent(new EventOf(STARTED_EVENT));
      const check = () => void this.isValid;
      doc.addEventListener(STARTED_EVENT, check);
      this.onInvalidated(() => doc.removeEventListener(STARTED_EVENT, check));
    }
  }

  /** False once a newer engine started in this frame, or the extension is gone. */
  get isValid(): boolean {
    if (!this.ended.signal.aborted && this.api.runtime?.id == null) this.end();
    return !this.ended.signal.aborted;
  }

  /** Run once, when this engine ends. */
  onInvalidated(cb: () => void): void {
    if (this.ended.signal.aborted) cb();
    else this.ended.signal.addEventListener('abort', cb, { once: true });
  }

  /** A timer that does not fire after the engine ended. */
  setTimeout(fn: () => void, ms: number): number {
    const id = globalThis.setTimeout(() => {
      if (this.isValid) fn();
    }, ms) as unknown as number;
    this.onInvalidated(() => globalThis.clearTimeout(id));
    return id;
  }

  end(): void {
    this.ended.abort();
  }
}

/**
 * The engine's lifetime in one frame. Each injection starts a new engine; starting one ends the previous
 * one in this frame (its listeners, observer, timers and overlay go with it), and an engine whose extension
 * was reloaded or removed ends at its next check. The handover goes through a global of the extension's
 * own script world, which the page cannot see or touch: no DOM event, no postMessage (WXT's
 * content-script context posts one to the page on every start, which costs tens of milliseconds cold).
 */

interface Runtime {
  runtime?: { id?: string | undefined } | undefined;
}

const KEY = '__nianbaoEngineContext';

export class EngineContext {
  private readonly ended = new AbortController();

  /**
   * @param world the script world's global (globalThis in the content script; a plain object in tests)
   * @param api the extension API, whose runtime.id disappears when the extension goes away
   */
  constructor(
    private readonly world: Record<string, unknown>,
    private readonly api: Runtime,
  ) {
    const previous = world[KEY];
    if (previous instanceof EngineContext) previous.end();
    world[KEY] = this;
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
    if (this.ended.signal.aborted) return;
    if (this.world[KEY] === this) delete this.world[KEY];
    this.ended.abort();
  }
}

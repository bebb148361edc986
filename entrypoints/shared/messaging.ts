/**
 * The extension's transports for the protocol (lib/messages.ts): to the background, to the engine of a
 * tab's frame, and the listener of an extension page for the background's broadcasts, for the extension's
 * pages. The engine has its own `ask` (over ENGINE_TO_BACKGROUND from lib/messages-engine.ts, so its bundle
 * never builds the whole protocol), the detector one literal (checked against the protocol in a test), and
 * the background sends its broadcasts and replies itself.
 */
import browser from 'webextension-polyfill';
import {
  BACKGROUND,
  type BackgroundDirection,
  call,
  ENGINE,
  type Handlers,
  handle,
  PAGES,
  type PagesDirection,
  type Self,
} from '@/lib/messages';
import type { EngineDirection, ReplyOf, RequestOf } from '@/lib/messages-engine';

export function self(): Self {
  return { id: browser.runtime.id, base: browser.runtime.getURL('/') };
}

/** An extension page (or the background) asks the background. */
export function ask<K extends keyof BackgroundDirection & string>(
  type: K,
  req: RequestOf<BackgroundDirection, K>,
): Promise<ReplyOf<BackgroundDirection, K>> {
  return call(BACKGROUND, type, req, (msg) => browser.runtime.sendMessage(msg));
}

/** Ask the engine in one frame of a tab. */
export function askEngine<K extends keyof EngineDirection & string>(
  tabId: number,
  frameId: number,
  type: K,
  req: RequestOf<EngineDirection, K>,
): Promise<ReplyOf<EngineDirection, K>> {
  return call(ENGINE, type, req, (msg) => browser.tabs.sendMessage(tabId, msg, { frameId }));
}

/** An extension page follows the background's broadcasts; returns the function that stops it. */
export function listenToBackground(handlers: Partial<Handlers<PagesDirection>>): () => void {
  const all: Handlers<PagesDirection> = {
    'issues-changed': (req, from) => handlers['issues-changed']?.(req, from) ?? null,
    'tab-changed': (req, from) => handlers['tab-changed']?.(req, from) ?? null,
    'settings-changed': (req, from) => handlers['settings-changed']?.(req, from) ?? null,
    'store-changed': (req, from) => handlers['store-changed']?.(req, from) ?? null,
    'capture-progress': (req, from) => handlers['capture-progress']?.(req, from) ?? null,
  };
  const listener = handle(PAGES, all, self);
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * Deliver one runtime message through fakeBrowser's onMessage as if `sender` had sent it (a content script,
 * the popup, an extension page); resolves with the reply, or undefined when no listener answered.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '../lib/messages';

type Trigger = { trigger(...args: unknown[]): Promise<unknown[]> };

export function deliver(sender: Sender) {
  return async (msg: object): Promise<unknown> => {
    let reply: unknown;
    await new Promise<void>((resolve) => {
      void (fakeBrowser.runtime.onMessage as unknown as Trigger)
        .trigger(msg, sender, (r: unknown) => {
          reply = r;
          resolve();
        })
        .then((results: unknown[]) => {
          if (!results.includes(true)) resolve();
        });
    });
    return reply;
  };
}

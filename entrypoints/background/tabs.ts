/**
 * Per-tab results (storage.session, key `tab:<id>`), written only here: one write at a time per tab, the
 * badge drawn from what was written.
 */
import type { Browser } from 'webextension-polyfill';
import { TabState } from '@/lib/messages';
import { badgeFor } from '@/lib/summary';

export const tabKey = (tabId: number) => `tab:${tabId}`;

export class TabStates {
  private chains = new Map<number, Promise<unknown>>();

  constructor(private readonly api: Browser) {}

  private action() {
    return this.api.action ?? this.api.browserAction;
  }

  /** One operation per tab at a time. */
  private serial<T>(tabId: number, op: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(tabId) ?? Promise.resolve();
    const run = prev.then(op, op);
    const tail = run.catch(() => undefined);
    this.chains.set(tabId, tail);
    void tail.then(() => {
      if (this.chains.get(tabId) === tail) this.chains.delete(tabId);
    });
    return run;
  }

  private async read(tabId: number): Promise<TabState | null> {
    const raw = (await this.api.storage.session.get(tabKey(tabId)))[tabKey(tabId)];
    const parsed = TabState.safeParse(raw);
    return parsed.success ? parsed.data : null;
  }

  get(tabId: number): Promise<TabState | null> {
    return this.serial(tabId, () => this.read(tabId));
  }

  /**
   * Record the audit (or failure) of one frame. A frame without a report never replaces the frame that
   * has one. Returns whether the state changed.
   */
  record(tabId: number, state: TabState): Promise<boolean> {
    return this.serial(tabId, async () => {
      const prev = await this.read(tabId);
      if (prev?.result?.report.isReport && prev.frameId !== state.frameId && !state.result?.report.isReport)
        return false;
      const badge = badgeFor(state.result);
      const action = this.action();
      await Promise.all([
        action.setBadgeText({ tabId, text: state.error ? '!' : badge.text }),
        action.setBadgeBackgroundColor({ tabId, color: state.error ? '#d93025' : badge.color }),
      ]).catch(() => undefined);
      await this.api.storage.session.set({ [tabKey(tabId)]: state });
      return true;
    });
  }

  /** The tab navigated or closed: its result is gone. */
  clear(tabId: number, badge: boolean): Promise<void> {
    return this.serial(tabId, async () => {
      if (badge)
        await this.action()
          .setBadgeText({ tabId, text: '' })
          .catch(() => undefined);
      await this.api.storage.session.remove(tabKey(tabId));
    });
  }

  /** Tabs that have a result (to tell their engines about new settings). */
  async tabs(): Promise<number[]> {
    const all = await this.api.storage.session.get(null);
    return Object.keys(all)
      .map((k) => /^tab:(\d+)$/.exec(k)?.[1])
      .filter((id): id is string => id !== undefined)
      .map(Number);
  }
}

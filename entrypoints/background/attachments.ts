/**
 * Report attachments per tab: what the tab's page links or embeds (lib/detect/attachments.ts, run in the
 * page through scripting: host permission on gov sites, activeTab elsewhere), and each file's result as
 * the viewer reported it (storage.session, key `att:<tabId>`, written only here).
 */
import type { Browser } from 'webextension-polyfill';
import { collectPage, findAttachments, type PageLinks, tabDocument } from '@/lib/detect/attachments';
import { AttachmentResult, type AttachmentsReply } from '@/lib/messages';

export const attachmentsKey = (tabId: number) => `att:${tabId}`;

export class TabAttachments {
  constructor(private readonly api: Browser) {}

  private async results(tabId: number): Promise<Map<string, AttachmentResult>> {
    const raw = (await this.api.storage.session.get(attachmentsKey(tabId)))[attachmentsKey(tabId)];
    const out = new Map<string, AttachmentResult>();
    if (raw && typeof raw === 'object')
      for (const v of Object.values(raw as Record<string, unknown>)) {
        const r = AttachmentResult.safeParse(v);
        if (r.success) out.set(r.data.url, r.data);
      }
    return out;
  }

  /** The page's attachments, read from the page itself; the tab's URL alone when the page cannot be read. */
  async scan(tabId: number): Promise<AttachmentsReply> {
    const tab = await this.api.tabs.get(tabId);
    const url = tab.url ?? '';
    let page: PageLinks | null = null;
    try {
      const [first] = await this.api.scripting.executeScript({
        target: { tabId, frameIds: [0] },
        func: collectPage as unknown as () => PageLinks,
      });
      page = (first?.result as PageLinks | undefined) ?? null;
    } catch {
      page = null; // no permission on this page, or a page scripts cannot run in (the browser's PDF viewer)
    }
    const found = page
      ? findAttachments({ ...page, url: page.url || url })
      : [tabDocument(url, null, tab.title ?? '')].filter((a) => a !== null);
    const results = await this.results(tabId);
    return {
      page: url,
      items: found.map((a) => ({ ...a, result: results.get(a.url) ?? null })),
    };
  }

  async record(tabId: number, result: AttachmentResult): Promise<void> {
    const key = attachmentsKey(tabId);
    const all = Object.fromEntries(await this.results(tabId));
    all[result.url] = result;
    await this.api.storage.session.set({ [key]: all });
  }

  clear(tabId: number): Promise<void> {
    return this.api.storage.session.remove(attachmentsKey(tabId));
  }
}

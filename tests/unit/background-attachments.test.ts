/**
 * The background's part for report files: the attachments of a tab's page (read from the page, or the tab's
 * own URL when the page cannot be read), each file's result as the viewer reports it, kept with the page's
 * tab and gone when the page navigates; only extension pages may report.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { toResult } from '../../lib/audit';
import { MemoryBlobs } from '../../lib/issues/storage';
import { BACKGROUND, call } from '../../lib/messages';
import { deliver } from '../deliver';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
const BASE = `chrome-extension://${ID}/`;
const PAGE = 'http://www.example.gov.cn/xxgk/nb2024.html';
const PDF = 'http://www.example.gov.cn/files/nb2024.pdf';
const result = toResult(auditHtml(reportPage({ t2: { ...simpleT2(3), new: [3, 0, 0, 0, 0, 0, 4] } })));

type Trigger = { trigger(...args: unknown[]): Promise<unknown[]> };
const popup = deliver({ id: ID, url: `${BASE}popup.html` });
const viewer = deliver({ id: ID, url: `${BASE}viewer.html?url=x`, tab: { id: 9 } });
const content = deliver({ id: ID, url: PAGE, frameId: 0, tab: { id: 1, url: PAGE } });

const pageData = {
  url: PAGE,
  contentType: 'text/html',
  title: '示例县2024年政府信息公开工作年度报告',
  bodyText: '正文',
  links: [
    { href: '/files/nb2024.pdf', text: '示例县2024年政府信息公开工作年度报告.pdf', title: '' },
    { href: '/guide.pdf', text: '政府信息公开指南', title: '' },
  ],
  embeds: [],
};

let executeScript: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  executeScript = vi.fn(async () => [{ frameId: 0, result: pageData }]);
  Object.assign(fakeBrowser.scripting, { executeScript });
  Object.assign(fakeBrowser.tabs, { sendMessage: vi.fn(async () => ({ ok: true, value: null })) });
  createBackground(api, { blobs: new MemoryBlobs() }).listen();
});

const file = { url: PDF, kind: 'pdf' as const, via: 'link' as const, name: 'nb2024.pdf' };

describe('report files with their page', () => {
  it('lists what the page links, then the viewer’s counts for each; navigation forgets them', async () => {
    const tab = await fakeBrowser.tabs.create({ url: PAGE });
    const tabId = tab.id as number;
    const scan = () => call(BACKGROUND, 'attachments-scan', { tabId }, popup);
    expect(await scan()).toEqual({
      page: PAGE,
      items: [{ ...file, name: pageData.links[0]?.text, result: null }],
    });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId, frameIds: [0] } }));

    const viewerTab = await fakeBrowser.tabs.create({ url: `${BASE}viewer.html` });
    await call(
      BACKGROUND,
      'viewer-result',
      { tabId: viewerTab.id as number, fromTab: tabId, file, result, order: [], error: null, differences: 1 },
      viewer,
    );
    const after = (await scan()).items[0]?.result;
    expect(after).toMatchObject({ url: PDF, isReport: true, error: null, differences: 1 });
    expect(after?.counts.error).toBe(result.findings.filter((f) => f.severity === 'error').length);
    expect(after?.counts.error).toBeGreaterThan(0);
    // the viewer's own tab holds the file's audit (badge, popup)
    expect((await call(BACKGROUND, 'get-result', { tabId: viewerTab.id as number }, popup))?.url).toBe(PDF);

    await (fakeBrowser.tabs.onUpdated as unknown as Trigger).trigger(
      tabId,
      { status: 'loading', url: PAGE },
      tab,
    );
    await new Promise((r) => setTimeout(r, 10));
    expect((await scan()).items[0]?.result).toBeNull();
  });

  it('a page scripts cannot read: the tab itself when it shows a file; nothing otherwise', async () => {
    executeScript.mockRejectedValue(new Error('Cannot access contents of the page'));
    const pdfTab = await fakeBrowser.tabs.create({ url: PDF });
    expect((await call(BACKGROUND, 'attachments-scan', { tabId: pdfTab.id as number }, popup)).items).toEqual(
      [{ url: PDF, kind: 'pdf', via: 'tab', name: 'nb2024.pdf', result: null }],
    );
    const htmlTab = await fakeBrowser.tabs.create({ url: PAGE });
    expect(
      (await call(BACKGROUND, 'attachments-scan', { tabId: htmlTab.id as number }, popup)).items,
    ).toEqual([]);
  });

  it('a content script may neither scan nor report a file’s result', async () => {
    await expect(call(BACKGROUND, 'attachments-scan', { tabId: 1 }, content)).rejects.toThrow(/refused/);
    await expect(
      call(
        BACKGROUND,
        'viewer-result',
        { tabId: 1, fromTab: 1, file, result, order: [], error: null, differences: 0 },
        content,
      ),
    ).rejects.toThrow(/refused/);
  });
});

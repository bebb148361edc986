/**
 * The background's part of OCR, over fakeBrowser: the engine's 'ocr-picture' is forwarded to the OCR host
 * for a picture of the sender's own site (the reply checked by the protocol), refused for any other site
 * and from extension pages; a host that fails gives a plain "not read" reply, never a thrown error.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../entrypoints/background/app';
import { offscreenOcr } from '../../entrypoints/background/ocr-host';
import { IdbSnapshotStore } from '../../lib/history/idb-store';
import { BACKGROUND, call } from '../../lib/messages';
import type { OcrPictureReply } from '../../lib/ocr/wire';
import { deliver } from '../deliver';

const api = fakeBrowser as unknown as Browser;
const ID = fakeBrowser.runtime.id;
const PAGE = 'http://www.example.gov.cn/ndbg/2024.html';
const content = deliver({ id: ID, url: PAGE, frameId: 0, tab: { id: 5, url: PAGE } });
const page = deliver({ id: ID, url: `chrome-extension://${ID}/popup.html`, tab: { id: 9 } });

const READ: OcrPictureReply = {
  ok: true,
  width: 100,
  height: 50,
  skew: 0,
  cells: [{ box: { x0: 0, y0: 0, x1: 40, y1: 20 }, text: '19', confidence: 91, symbols: [] }],
  ms: 12,
};

describe('ocr-picture in the background', () => {
  let asked: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    asked = [];
    createBackground(api, {
      snapshots: new IdbSnapshotStore(`ocr-${Math.random()}`),
      ocr: async (src) => {
        asked.push(src);
        return READ;
      },
    }).listen();
  });

  it('a picture of the page’s own site is read by the OCR host', async () => {
    const src = 'http://www.example.gov.cn/ndbg/t2.png';
    expect(await call(BACKGROUND, 'ocr-picture', { src }, content)).toEqual(READ);
    expect(asked).toEqual([src]);
  });

  it('another site’s picture, or a request from an extension page, is refused without reading', async () => {
    const other = await call(BACKGROUND, 'ocr-picture', { src: 'http://evil.example.com/x.png' }, content);
    expect(other).toMatchObject({ ok: false, error: 'refused', cells: [] });
    await expect(
      call(BACKGROUND, 'ocr-picture', { src: 'http://www.example.gov.cn/a.png' }, page),
    ).rejects.toThrow(/refused/);
    expect(asked).toEqual([]);
  });

  it('where no offscreen document can be made (Firefox, fakeBrowser) the host answers "not read", never throws', async () => {
    const r = await offscreenOcr(api)('http://www.example.gov.cn/a.png');
    expect(r).toMatchObject({ ok: false, cells: [] });
    expect(r.error).toBeTruthy();
  });
});

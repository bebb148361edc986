/**
 * The viewer's end of the evidence flow: the background asks the viewer's tab for close-ups
 * (viewer-close-ups, lib/messages.ts VIEWER) wherever they are wanted — a card's 特写截图并加入清单, the
 * popup's 全部加入问题清单 or 特写, Alt+Shift+S — and adds them to the issue list itself, as for pages. A PDF's
 * close-ups are cut from the pages the viewer drew (pdf-shot.ts), captioned like every close-up; for other
 * documents the viewer answers null and the background captures the tab.
 */
import browser from 'webextension-polyfill';
import { captionLines } from '@/lib/evidence/caption';
import type { Extracted } from '@/lib/extract/index';
import { screenshotName } from '@/lib/issues/export';
import { handle, VIEWER, type ViewerShot } from '@/lib/messages';
import type { Finding } from '@/lib/model/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { ask, self } from '../shared/messaging';
import { pdfCloseUps } from './pdf-shot';

export interface Captured {
  extracted: Extracted;
  container: HTMLElement;
  findings: readonly Finding[];
  /** finding ids as numbered on the document */
  order: readonly string[];
  /** the file (the evidence's address) and its report's title */
  url: string;
  title: string;
  /** the document is a PDF drawn on canvases */
  pdf: boolean;
}

/** Close-ups of these findings (all when null) of the drawn PDF, with their captions and file names. */
export async function viewerCloseUps(c: Captured, ids: string[] | null): Promise<ViewerShot[] | null> {
  if (!c.pdf) return null;
  const s = await ask('get-settings', {}).catch(() => DEFAULT_SETTINGS);
  const wanted = ids ? new Set(ids) : null;
  const findings = c.findings.filter((f) => !wanted || wanted.has(f.id));
  const numbers = new Map(c.order.map((id, i) => [id, i + 1]));
  const byId = new Map(c.findings.map((f) => [f.id, f]));
  const shots = await pdfCloseUps(c.extracted, c.container, findings, numbers, (group, when) =>
    captionLines({
      lang: s.lang,
      findings: group.flatMap((id, i) => {
        const finding = byId.get(id);
        return finding ? [{ n: numbers.get(id) ?? i + 1, finding }] : [];
      }),
      url: c.url,
      when,
      inspector: s.inspector,
    }),
  );
  return shots.map((shot) => {
    const name = screenshotName(c.url, c.title, shot.when, '特写');
    return {
      ids: shot.ids,
      annotated: shot.annotated,
      plain: shot.plain,
      name,
      plainName: name.replace(/\.png$/, '_原图.png'),
      region: shot.region,
      ...(shot.header ? { header: shot.header } : {}),
    };
  });
}

/** Answer the background's viewer-close-ups for this tab; returns the function that stops it. */
export function listenForCapture(current: () => Captured | null): () => void {
  const listener = handle(
    VIEWER,
    {
      'viewer-close-ups': async (req) => {
        const c = current();
        return c ? viewerCloseUps(c, req.ids) : null;
      },
    },
    self,
  );
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

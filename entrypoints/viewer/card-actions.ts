/**
 * A finding's card in the viewer: 加入清单, 特写截图并加入清单 and 特写并标注, as on pages. A PDF's close-up is
 * cut here from the drawn page (./capture.ts) and handed to the background with the existing shot path
 * (issues-add, markup-open), so it works wherever the background cannot reach the view's tab; any other
 * document asks the background to capture the tab (capture-to-list, capture), as a page's card does.
 * Failures are said in a toast where the user is looking, and on the card.
 */

import type { Shot } from '@/lib/messages';
import type { Finding, Lang } from '@/lib/model/schema';
import type { Overlay } from '@/lib/overlay/overlay';
import { t } from '../shared/i18n';
import { ask } from '../shared/messaging';
import { type Captured, viewerCloseUps } from './capture';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function cardActions(
  tabId: number,
  lang: Lang,
  overlay: () => Overlay,
  captured: () => Captured | null,
) {
  const failed = (error: string | undefined) => {
    const text = t(lang, 'captureFailed', error ?? '');
    overlay().toast(text);
    return text;
  };
  /** The finding's close-up cut from the PDF here, or null (not a PDF: the background captures the tab). */
  const own = async (f: Finding): Promise<Array<Shot & { ids: string[] }> | null> => {
    const c = captured();
    return c ? viewerCloseUps(c, [f.id]) : null;
  };
  return [
    {
      label: t(lang, 'addOne'),
      run: async (f: Finding) => {
        const reply = await ask('issues-add', { tabId, findingIds: [f.id] }).catch(() => null);
        return reply?.ok
          ? t(lang, 'addedToList', String(reply.added))
          : (reply?.error ?? t(lang, 'auditFailed', ''));
      },
    },
    {
      label: t(lang, 'captureToList'),
      run: async (f: Finding) => {
        try {
          const shots = await own(f);
          const first = shots?.[0];
          const reply = first
            ? await ask('issues-add', { tabId, findingIds: first.ids, shot: first })
            : await ask('capture-to-list', { tabId, mode: 'finding', findingId: f.id });
          return reply.ok ? t(lang, 'addedToList', String(reply.added)) : failed(reply.error);
        } catch (e) {
          return failed(errorText(e));
        }
      },
    },
    {
      label: t(lang, 'closeUpMarkup'),
      run: async (f: Finding) => {
        try {
          const mine = (await own(f))?.[0];
          const shot = mine ?? (await ask('capture', { tabId, mode: 'finding', findingId: f.id }));
          const first = 'shots' in shot ? (shot.ok ? shot.shots[0] : undefined) : shot;
          if (!first) return failed('shots' in shot ? shot.error : undefined);
          const r = await ask('markup-open', { tabId, findingIds: [f.id], shot: first });
          return r.ok ? t(lang, 'markupOpened') : failed(r.error);
        } catch (e) {
          return failed(errorText(e));
        }
      },
    },
  ];
}

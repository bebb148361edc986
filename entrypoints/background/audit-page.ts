/**
 * audit-page: a report page's audit done here from its blocks (lib/extract/portable.ts), read and sent by
 * the engine. The background lives across page loads, so extraction and the rules run as compiled code
 * rather than being compiled again in every page; the previous year comes straight from the store, under
 * the sender's own URL (as history-previous looks it up). What the page cannot send is never guessed: the
 * engine audits in the page when this fails.
 */

import { fromPortable, portableExtraction } from '@/lib/extract/portable';
import { findPrevious, type SnapshotStore } from '@/lib/history/store';
import { auditAcrossYears, boundedLookup } from '@/lib/history/with-store';
import type { BackgroundDirection, Handlers } from '@/lib/messages';
import { adoptPictures, type PictureOf } from '@/lib/ocr/adopt';
import { cellsFromWire } from '@/lib/ocr/wire';
import { isWebUrl } from './store-handlers';

/** A date as the audit takes today (YYYY-MM-DD, local time, as lib/audit.ts reads the real date). */
function ymd(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export function auditPageHandler(
  snapshots: SnapshotStore,
  now: () => Date,
): Handlers<BackgroundDirection>['audit-page'] {
  return async (req, from) => {
    if (from.origin !== 'content') throw new Error('refused');
    const url = from.url;
    const lookup = isWebUrl(url)
      ? boundedLookup((year, agencyKey) => findPrevious(snapshots, { url, year, agencyKey }))
      : null;
    const pictures = new Map<number, PictureOf>(
      req.pictures.map((p) => [
        p.image,
        { width: p.width, height: p.height, skew: p.skew, cells: cellsFromWire(p.cells) },
      ]),
    );
    const out = await auditAcrossYears(
      () => fromPortable(req.source),
      lookup,
      { budgetMs: req.budgetMs, now: ymd(now()) },
      'html',
      pictures.size > 0
        ? async (ex) => {
            adoptPictures(ex, (img) => pictures.get(img.index) ?? null);
          }
        : undefined,
    );
    const { extracted, ...result } = out;
    return { result, extraction: portableExtraction(extracted) };
  };
}

/**
 * The engine's audit with the store of audited reports, which the background owns. The page is read here,
 * under the audit's one time budget; its blocks go to the background as data (audit-page), which extracts,
 * finds the same body's previous-year report in its store and runs every rule with code that is compiled
 * already; the page's elements are put back into the answer. When the background fails or is late, the same
 * blocks are audited here, asking it only for the previous year. Either way the result is the same, and
 * the caller says what to keep. Kept apart from the content script so tests drive it with a parsed
 * document and the background over fakeBrowser. Never throws for bad input.
 */
import { type AuditOptions, type AuditOutput, DEFAULT_BUDGET_MS } from '@/lib/audit';
import { startBudget } from '@/lib/budget';
import { blocksFromDocument, type SourceDoc } from '@/lib/extract/blocks';
import type { Extracted } from '@/lib/extract/index';
import { type PortableSource, toPortable, withElements } from '@/lib/extract/portable';
import type { ReportSnapshot } from '@/lib/history/snapshot';
import { auditAcrossYears, boundedLookup } from '@/lib/history/with-store';
import type { PageAudit, PictureWire } from '@/lib/messages-engine';

export { snapshotToKeep } from '@/lib/history/with-store';

/** The engine's question to the background (history-previous), for this frame's URL. */
export type PreviousOf = (year: number, agencyKey: string | null) => Promise<ReportSnapshot | null>;

/**
 * The background's audit of the page's blocks (audit-page), with the page's table pictures read so far
 * and the time the audit has left.
 */
export interface Elsewhere {
  audit: (source: PortableSource, pictures: PictureWire[], budgetMs: number) => Promise<PageAudit>;
  pictures: (src: SourceDoc) => PictureWire[];
}

/** How long past the audit's budget the engine waits for the background before it audits in the page. */
export const ELSEWHERE_GRACE_MS = 1000;

function late(ms: number): { promise: Promise<never>; clear: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('no answer in time')), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

/**
 * Audit the document with the previous year the background finds for it. The page is read here (its
 * elements stay here); with `elsewhere`, extraction and the rules run in the background on the blocks sent
 * as data, and the elements are put back into the answer. When that fails or takes longer than the budget
 * allows, the same blocks are audited here: the result is the same either way (a test checks it).
 */
export async function auditWithHistory(
  doc: Document,
  url: string,
  ask: PreviousOf,
  opts: Omit<AuditOptions, 'previous'> = {},
  /** Work between extraction and the rules (the tables read from pictures join here). */
  beforeRules?: (ex: Extracted) => Promise<void>,
  elsewhere?: Elsewhere,
): Promise<AuditOutput & { via: 'background' | 'page' }> {
  const time = startBudget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  let src: SourceDoc | null = null;
  let failure: unknown = null;
  try {
    src = blocksFromDocument(doc, url, time);
  } catch (err) {
    failure = err;
  }
  const left = () => Math.max(1, time.ms - time.elapsed());
  // the budget bounds the page's own work: waiting for the background is not part of it
  const readMs = time.elapsed();
  if (elsewhere && src && !src.cut && src.kind === 'html' && !time.expired()) {
    const wait = late(left() + ELSEWHERE_GRACE_MS);
    try {
      const source = toPortable(src);
      const reply = await Promise.race([
        elsewhere.audit(source, elsewhere.pictures(src), left()),
        wait.promise,
      ]);
      const { result, extraction } = reply;
      const coverage = {
        ...result.coverage,
        elapsedMs: Math.round((result.coverage.elapsedMs + readMs) * 100) / 100,
      };
      return {
        ...result,
        coverage,
        extracted: withElements(src, result.report, extraction),
        via: 'background',
      };
    } catch (err) {
      // the background did not answer (or not in time): the same blocks are audited here
      console.debug('[年报巡检] audit-page', err);
    } finally {
      wait.clear();
    }
  }
  const read = src;
  const out = await auditAcrossYears(
    () => {
      if (!read) throw failure;
      return read;
    },
    boundedLookup(ask),
    { ...opts, budgetMs: Math.max(1, time.ms - readMs) },
    'html',
    beforeRules,
  );
  return { ...out, via: 'page' };
}

/** The snapshot without its time of audit: two audits of an unchanged page give the same key. */
export function snapshotKey(s: ReportSnapshot): string {
  const { auditedAt: _, ...rest } = s;
  return JSON.stringify(rest);
}

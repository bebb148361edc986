/**
 * The facts of the page a file was opened from, for the file's audit: a report file (a PDF, a DOCX) seldom
 * carries its own publication date, title or body — the page that publishes it does. When the page is the
 * same report (the page names its year and the file names the same or none), the file is read with them as its
 * metadata: PubDate (the page's 发布时间, so the file gets no false 「未找到发布时间」), ArticleTitle and
 * ContentSource only where the file lacks them; a date or title the file states itself always wins. A page
 * whose year is unknown, or another year's file, takes nothing. Pure.
 */

import { findPublished, findTitle, yearFromTitle } from '@/lib/detect/meta';
import type { SourceDoc } from '@/lib/extract/blocks';
import type { TabState } from '@/lib/messages';

export interface PageFacts {
  url: string;
  publishedAt: string | null;
  title: string | null;
  agency: string | null;
  year: number | null;
}

/** The from-tab's facts, when it still shows the page the viewer was opened from. */
export function pageFacts(state: TabState | null, from: string | null): PageFacts | null {
  const r = state?.result?.report;
  if (!state || !r || (from && state.url !== from)) return null;
  return {
    url: state.url,
    publishedAt: r.publishedAt,
    title: r.title,
    agency: r.agency,
    year: r.reportYear,
  };
}

/** The file's source with the page's facts as its metadata where it has none of its own. */
export function withPageFacts(src: SourceDoc, page: PageFacts | null): SourceDoc {
  if (!page) return src;
  const own = findTitle(src, -1);
  const year = own ? yearFromTitle(own.text) : null;
  // only a report page's facts, and only for its own year's file (a page may link last year's report too:
  // its date would make that file look late)
  if (page.year === null || (year !== null && year !== page.year)) return src;
  const meta = { ...src.meta };
  const dated = findPublished(src);
  if (page.publishedAt && (!dated || dated.source === 'url'))
    meta.PubDate = `${page.publishedAt}（附件所在网页 ${page.url}）`;
  if (!own && page.title) meta.ArticleTitle = page.title;
  if (page.agency && !meta.ContentSource) meta.ContentSource = page.agency;
  return { ...src, meta };
}

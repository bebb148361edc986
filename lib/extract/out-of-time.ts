/**
 * What extraction gives when the page was not read to its end (the time budget ran out, or it is longer than
 * the block limit) or the time ran out before extraction was done: no tables, sections or facts (a half-read
 * page would make rules raise false alarms — a section "missing" past the cut), the page title, and whether
 * the cheap detector's test (meta ArticleTitle, <title>, the first headings read) takes the page for a
 * report — so the result says "not fully read", not "not a report". No query over the document.
 */
import { namesReport } from '../detect/quick';
import type { SourceDoc } from './blocks';
import { tagOf } from './dom-utils';
import type { Extracted } from './index';

export interface ExtractStop {
  /** 'read': the page was not read to its end; 'extract': tables and sections were not all built. */
  stage: 'read' | 'extract';
  /** 'time': the time budget ran out; 'size': the page is longer than the block limit. */
  reason: 'time' | 'size';
}

export function outOfTimeExtract(src: SourceDoc, stop: ExtractStop, budgetMs: number): Extracted {
  const { stage, reason } = stop;
  const heading = (tag: string): string => {
    for (const b of src.blocks) if (b.kind === 'text' && b.el && tagOf(b.el) === tag) return b.text;
    return '';
  };
  const titled =
    src.kind === 'html' &&
    namesReport([src.meta.ArticleTitle ?? '', src.docTitle ?? '', heading('h1'), heading('h2')]);
  const where =
    stage === 'read'
      ? `the page was not read to its end (${src.blocks.length} blocks read)`
      : 'the page was read but its tables and sections were not all recognised';
  return {
    report: {
      isReport: titled,
      reason: `${reason === 'size' ? `the page is longer than ${src.blocks.length} blocks` : `the time budget (${budgetMs} ms) ran out`}: ${where}; ${titled ? 'its title names a report' : 'not judged'}`,
      title: src.docTitle,
      reportYear: null,
      yearSource: null,
      agency: null,
      bodyKind: 'unknown',
      siteName: src.meta.SiteName ?? src.meta.sitename ?? null,
      publishedAt: null,
      publishedSource: null,
      indexNumber: null,
      indexYear: null,
      published: null,
      period: null,
      signature: null,
      columnName: null,
      titleBlock: null,
      sections: [],
      tables: [],
      imageTables: [],
      blockCount: src.blocks.length,
    },
    // no block text: rules must not read a half-read page
    text: [],
    blocks: src.blocks,
    sections: [],
    tables: {},
    cellEls: new Map(),
    cellTokens: new Map(),
    stopped: stop,
  };
}

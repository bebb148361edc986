/**
 * What the document readers share: a value's place on the page, and the outcome of reading a document —
 * a SourceDoc for the engine, or a plain statement of why the document could not be read.
 */
import type { SourceDoc } from '../extract/blocks';
import type { I18nText } from '../model/schema';

/** A value's place in a PDF: 1-based page, box in PDF points from the page's top-left corner. */
export interface Box {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** How the text of a document was obtained (Coverage says it per table). */
export type ReadVia = 'html' | 'docx' | 'pdf' | 'text';

export type ReadFailureReason =
  | 'unsupported'
  | 'old-word'
  | 'unreadable-text-layer'
  | 'scanned'
  | 'damaged'
  | 'encrypted';

export interface ReadFailure {
  ok: false;
  reason: ReadFailureReason;
  message: I18nText;
}

export interface ReadSuccess {
  ok: true;
  via: ReadVia;
  src: SourceDoc;
  /** What the reader noticed on the way (pages read, lines placed by rules or by position…). */
  notes: string[];
}

export type ReadOutcome = ReadSuccess | ReadFailure;

export function failure(reason: ReadFailureReason, zh: string, en: string): ReadFailure {
  return { ok: false, reason, message: { zh, en } };
}

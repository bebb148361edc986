/** The overlay's options and the marker model shared by its parts. */
import type { Finding, Lang, Severity } from '../model/schema';
import type { Anchor } from './locate';

export interface OverlayStrings {
  app: string;
  severity: Record<Severity, string>;
  basis: string;
  fix: string;
  next: string;
  prev: string;
  close: string;
  collapse: string;
  expand: string;
  hide: string;
  noFindings: string;
  where: string;
  /** The status chip: "N findings at this place", hidden by settings, not checked, show marks. */
  here?: string;
  hiddenBySettings?: string;
  notChecked?: string;
  showMarks?: string;
  pageLevel?: string;
}

export interface OverlayAction {
  label: string;
  /** Runs from the finding's card; the text it resolves to is shown in the card. */
  run: (f: Finding) => Promise<string>;
}

export interface OverlayOptions {
  lang: Lang;
  strings: OverlayStrings;
  /** Which findings to show (options: categories and severities). */
  filter?: (f: Finding) => boolean;
  /** Extra buttons on every card (e.g. capture and add to the issue list). */
  actions?: OverlayAction[];
  /**
   * The page replaced its content (document.open/write, a new <body>): the overlay is back in place but its
   * marks point at elements that are gone, so the owner should audit again and call update().
   */
  onReplaced?: () => void;
  /** Always mount in the fallback host element instead of <body>'s shadow root (tests). */
  forceHost?: boolean;
  /** Stable numbers (kept across re-checks by the owner); a fresh book when absent. */
  numbers?: import('./numbers').FindingNumbers;
  /** Show only these severities (the popup's or side panel's "show only"), on top of `filter`. */
  only?: Severity[] | null;
  /** Parts of the report that could not be checked (lib/summary.ts uncheckedParts), for the status chip. */
  unchecked?: string[];
  /** More for a finding's card (the crop of a picture beside the value OCR read: lib/overlay/ocr-layer.ts). */
  cardExtra?: (f: Finding) => HTMLElement | null;
}

/** One place on the page (a cell, a heading, a text range, or the page itself) and the findings at it. */
export interface Marker {
  /** The findings at this place, by number (the first is the one the place shows). */
  findings: Finding[];
  /** Their numbers, in the same order. */
  ns: number[];
  anchor: Anchor;
  /** Cells involved in any of the findings (not the place itself). */
  involved: Element[];
  badge: HTMLElement | null;
  mark: HTMLElement[];
  /** Outlines of the involved cells, made when first laid out in view. */
  involvedBoxes: HTMLElement[];
  placement: 'cell' | 'text' | 'section' | 'page';
  /** In (or near) the viewport at the last layout pass. */
  inView: boolean;
  /** Document-space top and bottom of the anchor at the last full pass (the viewport index). */
  docTop: number;
  docBottom: number;
}

/** One finding of a place: the marker and the index of the finding in it. */
export interface Step {
  m: Marker;
  i: number;
}

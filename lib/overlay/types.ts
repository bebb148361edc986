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
  /** More for a finding's card (the crop of a picture beside the value OCR read: lib/overlay/ocr-layer.ts). */
  cardExtra?: (f: Finding) => HTMLElement | null;
}

export interface Marker {
  finding: Finding;
  n: number;
  anchor: Anchor;
  involved: Element[];
  badge: HTMLElement | null;
  mark: HTMLElement[];
  involvedBoxes: HTMLElement[];
  placement: 'cell' | 'text' | 'section' | 'page';
}

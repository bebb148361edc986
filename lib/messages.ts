/**
 * The extension's message protocol: every message, per direction, with its request and reply schemas.
 *   BACKGROUND  what the background answers (from content scripts and from extension pages)
 *   ENGINE      what the engine content script answers (lib/messages-engine.ts)
 *   PAGES       what the background broadcasts to open extension pages (popup, manager, options)
 * The background is the only writer of the issue list, the per-tab results and the settings: every other
 * context asks it through these messages. Requests meant for extension pages are refused from content
 * scripts; a content script speaks only for its own tab and frame (the background takes both from the sender).
 */
import { z } from 'zod/mini';
import { ReportSnapshot } from './history/snapshot';
import { IssueEntry, IssueList, IssueStatus } from './issues/model';
import { ENGINE_TO_BACKGROUND, ListReply, message, type Origin } from './messages-engine';
import { AuditResult } from './model/schema';
import { OcrPictureReply, OcrPictureRequest } from './ocr/wire';
import { Settings } from './settings';

export {
  call,
  classify,
  ENGINE,
  ENGINE_TO_BACKGROUND,
  type From,
  type Handlers,
  handle,
  ListReply,
  notify,
  type PageMetrics,
  ProtocolError,
  type Region,
  type Self,
  type Sender,
} from './messages-engine';

export const TabState = z.object({
  url: z.string(),
  frameId: z.number(),
  result: z.nullable(AuditResult),
  order: z.array(z.string()),
  error: z.nullable(z.string()),
});
export type TabState = z.infer<typeof TabState>;

export const AuditTabReply = z.object({ ok: z.boolean(), error: z.optional(z.string()) });
export type AuditTabReply = z.infer<typeof AuditTabReply>;

export const CaptureMode = z.enum(['visible', 'full', 'finding']);
export type CaptureMode = z.infer<typeof CaptureMode>;

export const Shot = z.object({
  annotated: z.string(),
  plain: z.string(),
  name: z.string(),
  plainName: z.string(),
});
export type Shot = z.infer<typeof Shot>;
export const CaptureReply = z.object({
  ok: z.boolean(),
  shots: z.array(Shot),
  error: z.optional(z.string()),
});
export type CaptureReply = z.infer<typeof CaptureReply>;

export const RecheckCounts = z.object({ fixed: z.number(), present: z.number(), fresh: z.number() });
export type RecheckCounts = z.infer<typeof RecheckCounts>;

const EXT: readonly Origin[] = ['extension'];
const tab = { tabId: z.number() };

/** One report in the store, as the options page lists it (the snapshot without its figures and texts). */
export const StoreEntry = z.object({
  url: ReportSnapshot.shape.url,
  title: ReportSnapshot.shape.title,
  agency: ReportSnapshot.shape.agency,
  year: ReportSnapshot.shape.year,
  publishedAt: ReportSnapshot.shape.publishedAt,
  auditedAt: ReportSnapshot.shape.auditedAt,
  counts: ReportSnapshot.shape.counts,
});
export type StoreEntry = z.infer<typeof StoreEntry>;

export const BACKGROUND = {
  ...ENGINE_TO_BACKGROUND,
  // the same message as the engine declares it, with the result parsed in full
  'audit-done': message(
    z.object({ url: z.string(), result: AuditResult, order: z.array(z.string()) }),
    z.null(),
    ENGINE_TO_BACKGROUND['audit-done'].from,
  ),
  /** pages: the state of a tab (its audit, or why there is none) */
  'get-result': message(z.object(tab), z.nullable(TabState), EXT),
  /** pages: audit this tab now, even if it does not look like a report */
  'audit-tab': message(z.object(tab), AuditTabReply, EXT),
  /** pages: capture the tab (visible area, whole page, or one finding's close-up) */
  capture: message(
    z.object({ ...tab, mode: CaptureMode, findingId: z.optional(z.string()) }),
    CaptureReply,
    EXT,
  ),
  /** pages: capture and add the tab's findings (all, or one) to the issue list */
  'capture-to-list': message(
    z.object({ ...tab, mode: z.enum(['visible', 'finding']), findingId: z.optional(z.string()) }),
    ListReply,
    EXT,
  ),
  /** pages: add findings of the tab (all when findingIds is null), with a screenshot already taken */
  'issues-add': message(
    z.object({ ...tab, findingIds: z.nullable(z.array(z.string())), shot: z.optional(Shot) }),
    ListReply,
    EXT,
  ),
  'issues-list': message(z.object({}), IssueList, EXT),
  'issues-update': message(
    z.object({
      id: z.string(),
      patch: z.object({ status: z.optional(IssueStatus), note: z.optional(z.string()) }),
    }),
    z.nullable(IssueEntry),
    EXT,
  ),
  'issues-remove': message(z.object({ ids: z.array(z.string()) }), z.null(), EXT),
  /** pages: compare the tab's audit with its entries in the list and record the re-check */
  'issues-recheck': message(z.object(tab), z.nullable(RecheckCounts), EXT),
  'set-settings': message(z.object({ settings: Settings }), Settings, EXT),
  /** pages: every report in the store of audited reports, newest audit first */
  'store-list': message(z.object({}), z.array(StoreEntry), EXT),
  /** pages: forget every stored report (the cross-year rules then have no previous year until re-audited) */
  'store-clear': message(z.object({}), z.null(), EXT),
} as const;
export type BackgroundDirection = typeof BACKGROUND;

/** background → extension pages (runtime.sendMessage, no answer awaited). */
export const PAGES = {
  'issues-changed': message(z.object({}), z.null(), EXT),
  'tab-changed': message(z.object(tab), z.null(), EXT),
  'settings-changed': message(z.object({ settings: Settings }), z.null(), EXT),
  'store-changed': message(z.object({}), z.null(), EXT),
} as const;
export type PagesDirection = typeof PAGES;

/** background → the OCR document (entrypoints/offscreen): read one table picture. */
export const OFFSCREEN = {
  'offscreen-ocr': message(OcrPictureRequest, OcrPictureReply, EXT),
} as const;
export type OffscreenDirection = typeof OFFSCREEN;

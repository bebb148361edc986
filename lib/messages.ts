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
import { Dismissal, Dismissals } from './dismissals';
import { PortableExtractionSchema, PortableSourceSchema } from './extract/portable-schema';
import { ReportSnapshot } from './history/snapshot';
import { IsoDate, IssueEntry, IssueList, IssueStatus, ReviewStatus } from './issues/model';
import {
  auditPageRequest,
  ENGINE_TO_BACKGROUND,
  ListReply,
  message,
  type Origin,
  Region,
} from './messages-engine';
import { AuditResult, Finding } from './model/schema';
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
  ViewState,
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
  /** a close-up: what it covers, and the table's header rows in it (document pixels) */
  region: z.optional(Region),
  header: z.optional(Region),
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

/** A report attachment of a page (lib/detect/attachments.ts) and, once the viewer audited it, its result. */
export const AttachmentInfo = z.object({
  url: z.string(),
  kind: z.enum(['pdf', 'docx', 'doc', 'wps']),
  via: z.enum(['link', 'embed', 'viewer', 'tab']),
  name: z.string(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;
export const AttachmentResult = z.object({
  url: z.string(),
  isReport: z.boolean(),
  counts: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  /** Why the file could not be read or audited (zh), or null. */
  error: z.nullable(z.string()),
  /** Figures that differ from the page's own text (全真版 comparison). */
  differences: z.number(),
  auditedAt: z.string(),
});
export type AttachmentResult = z.infer<typeof AttachmentResult>;
export const AttachmentsReply = z.object({
  /** The tab's own address. */
  page: z.string(),
  items: z.array(z.object({ ...AttachmentInfo.shape, result: z.nullable(AttachmentResult) })),
});
export type AttachmentsReply = z.infer<typeof AttachmentsReply>;
/** A captured image waiting in the markup page, and what it is evidence of. */
export const MarkupJob = z.object({
  tabId: z.number(),
  findingIds: z.nullable(z.array(z.string())),
  shot: Shot,
  pageUrl: z.string(),
  pageTitle: z.string(),
});
export type MarkupJob = z.infer<typeof MarkupJob>;

export const BACKGROUND = {
  ...ENGINE_TO_BACKGROUND,
  // the same message as the engine declares it, with the result parsed in full
  'audit-done': message(
    z.object({ url: z.string(), result: AuditResult, order: z.array(z.string()) }),
    z.null(),
    ENGINE_TO_BACKGROUND['audit-done'].from,
  ),
  // the same message as the engine declares it, with the page's blocks and the answer parsed in full
  'audit-page': message(
    auditPageRequest(PortableSourceSchema),
    z.object({ result: AuditResult, extraction: PortableExtractionSchema }),
    ENGINE_TO_BACKGROUND['audit-page'].from,
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
  /**
   * pages: one captioned close-up per finding (findings sharing a table region share one) and each added to
   * the issue list with its own image; progress is broadcast as capture-progress
   */
  'capture-each-to-list': message(
    z.object({ ...tab, findingIds: z.nullable(z.array(z.string())) }),
    ListReply,
    EXT,
  ),
  /** pages: open the markup page on a captured image, for these findings (all when null) of the tab */
  'markup-open': message(
    z.object({ ...tab, findingIds: z.nullable(z.array(z.string())), shot: Shot }),
    z.object({ ok: z.boolean(), error: z.optional(z.string()) }),
    EXT,
  ),
  /** the markup page: the image it was opened with (null when gone: saved, or the browser restarted) */
  'markup-get': message(z.object({ token: z.string() }), z.nullable(MarkupJob), EXT),
  /** the markup page: add the findings to the list with the marked-up image (the original kept as plain copy) */
  /** the markup page: the marked-up image, and the plain copy with the same blurs (when something is blurred) */
  'markup-save': message(
    z.object({ token: z.string(), annotated: z.string(), plain: z.optional(z.string()) }),
    ListReply,
    EXT,
  ),
  'issues-list': message(z.object({}), IssueList, EXT),
  'issues-update': message(
    z.object({
      id: z.string(),
      patch: z.object({
        status: z.optional(IssueStatus),
        note: z.optional(z.string()),
        review: z.optional(ReviewStatus),
        deadline: z.optional(z.nullable(IsoDate)),
      }),
    }),
    z.nullable(IssueEntry),
    EXT,
  ),
  /** pages: set 整改状态 and/or 复核状态 of several entries at once (the manager's bulk change) */
  'issues-update-many': message(
    z.object({
      ids: z.array(z.string()),
      patch: z.object({ status: z.optional(IssueStatus), review: z.optional(ReviewStatus) }),
    }),
    z.object({ updated: z.number() }),
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
  // the column view's SnapshotStore (lib/history/store.ts) over the background's store: get, put, by body, all
  /** pages: the stored report at this URL, or null */
  'store-get': message(z.object({ url: z.string() }), z.nullable(ReportSnapshot), EXT),
  /** pages: keep a report audited in the page (an http(s) URL only; the time and the body's key are the background's) */
  'store-put': message(z.object({ snapshot: ReportSnapshot }), z.null(), EXT),
  /** pages: every stored report of a body (by its key), newest audit first */
  'store-by-agency': message(z.object({ agencyKey: z.string() }), z.array(ReportSnapshot), EXT),
  /** pages: every stored report in full, newest audit first */
  'store-snapshots': message(z.object({}), z.array(ReportSnapshot), EXT),
  /** pages: forget these stored reports */
  'store-remove': message(z.object({ urls: z.array(z.string()) }), z.null(), EXT),
  /**
   * pages: add findings of a report audited in an extension page (the column view), not in a tab, to the
   * issue list; the report's identity and its findings come with the request
   */
  'issues-add-report': message(
    z.object({
      report: z.object({
        url: z.string(),
        title: z.string(),
        siteName: z.string(),
        agency: z.nullable(z.string()),
        reportYear: z.nullable(z.number()),
      }),
      findings: z.array(Finding),
    }),
    ListReply,
    EXT,
  ),
  /** pages: the report attachments of the tab's page (links, embeds, the tab itself), with their results */
  'attachments-scan': message(z.object(tab), AttachmentsReply, EXT),
  /**
   * the viewer: its audit of a file (result null when the file could not be read: error says why), kept as
   * its own tab's result (badge, popup) and, when opened from a page (fromTab), as that page's attachment
   */
  'viewer-result': message(
    z.object({
      ...tab,
      fromTab: z.nullable(z.number()),
      file: AttachmentInfo,
      result: z.nullable(AuditResult),
      order: z.array(z.string()),
      error: z.nullable(z.string()),
      differences: z.number(),
    }),
    z.null(),
    EXT,
  ),
  /** side panel: the 误报 / 忽略 decisions kept for the tab's page */
  'dismissals-get': message(z.object(tab), Dismissals, EXT),
  /** side panel: mark a finding of the tab's page as a false alarm or ignored (null: undo); all of them after */
  'dismissals-set': message(
    z.object({ ...tab, findingId: z.string(), dismissal: z.nullable(Dismissal) }),
    Dismissals,
    EXT,
  ),
} as const;
export type BackgroundDirection = typeof BACKGROUND;

/** A close-up the viewer cut from its drawn document, and the findings it shows. */
export const ViewerShot = z.object({ ...Shot.shape, ids: z.array(z.string()) });
export type ViewerShot = z.infer<typeof ViewerShot>;

/** background → the viewer in a tab (tabs.sendMessage to the viewer's tab). */
export const VIEWER = {
  /**
   * captioned close-ups of these findings (all when null) cut from the document the viewer drew (a PDF's
   * page pictures: no screenshot needed); null when the viewer cannot (not a PDF: the tab is captured instead)
   */
  'viewer-close-ups': message(
    z.object({ ids: z.nullable(z.array(z.string())) }),
    z.nullable(z.array(ViewerShot)),
    EXT,
  ),
} as const;
export type ViewerDirection = typeof VIEWER;

/** background → extension pages (runtime.sendMessage, no answer awaited). */
export const PAGES = {
  'issues-changed': message(z.object({}), z.null(), EXT),
  'tab-changed': message(z.object(tab), z.null(), EXT),
  'settings-changed': message(z.object({ settings: Settings }), z.null(), EXT),
  'store-changed': message(z.object({}), z.null(), EXT),
  /** capture-each-to-list: `done` of `total` close-ups taken for the tab */
  'capture-progress': message(z.object({ ...tab, done: z.number(), total: z.number() }), z.null(), EXT),
} as const;
export type PagesDirection = typeof PAGES;

/** background → the OCR document (entrypoints/offscreen): read one table picture. */
export const OFFSCREEN = {
  'offscreen-ocr': message(OcrPictureRequest, OcrPictureReply, EXT),
} as const;
export type OffscreenDirection = typeof OFFSCREEN;

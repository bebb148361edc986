/**
 * Messages between the extension's contexts (detector/engine content scripts ↔ background ↔ popup), as zod
 * schemas: every message is parsed on arrival, anything else is ignored.
 */
import { z } from 'zod/mini';
import { AuditResult } from './model/schema';

export { FocusFinding, RunAudit, SetHidden, ToEngine } from './messages-engine';

/** detector → background: this frame looks like a report; inject the engine. */
export const ReportDetected = z.object({ type: z.literal('report-detected') });
/** engine → background: the audit of this frame. `order` lists finding ids as numbered on the page. */
export const AuditDone = z.object({
  type: z.literal('audit-done'),
  url: z.string(),
  result: AuditResult,
  order: z.array(z.string()),
  forced: z.boolean(),
});
export const AuditFailed = z.object({ type: z.literal('audit-failed'), url: z.string(), error: z.string() });
/** popup → background */
export const GetResult = z.object({ type: z.literal('get-result'), tabId: z.number() });
export const AuditTab = z.object({ type: z.literal('audit-tab'), tabId: z.number() });
/** popup → background: capture the tab (visible area, whole page, or one finding's close-up). */
export const CaptureMode = z.enum(['visible', 'full', 'finding']);
export type CaptureMode = z.infer<typeof CaptureMode>;
export const Capture = z.object({
  type: z.literal('capture'),
  tabId: z.number(),
  mode: CaptureMode,
  findingId: z.optional(z.string()),
});
/** engine (a finding's card) → background: close-up of this finding, added to the issue list. */
export const CaptureFindingToList = z.object({
  type: z.literal('capture-finding-to-list'),
  findingId: z.string(),
});

export const ToBackground = z.union([
  ReportDetected,
  AuditDone,
  AuditFailed,
  GetResult,
  AuditTab,
  Capture,
  CaptureFindingToList,
]);
export type ToBackground = z.infer<typeof ToBackground>;

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
export const ListReply = z.object({ ok: z.boolean(), added: z.number(), error: z.optional(z.string()) });
export type ListReply = z.infer<typeof ListReply>;

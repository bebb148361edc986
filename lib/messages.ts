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

export const ToBackground = z.union([ReportDetected, AuditDone, AuditFailed, GetResult, AuditTab]);
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

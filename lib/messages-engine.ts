/**
 * Messages to the engine content script (background/popup → engine), as zod schemas. Kept apart from
 * lib/messages.ts so the engine does not build the AuditResult schema it never parses.
 */
import { z } from 'zod/mini';

export const RunAudit = z.object({ type: z.literal('run-audit') });
export const FocusFinding = z.object({ type: z.literal('focus-finding'), id: z.string() });
export const SetHidden = z.object({ type: z.literal('set-hidden'), hidden: z.boolean() });

/** Capture support: page metrics, scrolling slice by slice, the region of one finding. */
export const CaptureInfo = z.object({ type: z.literal('capture-info') });
export const ScrollTo = z.object({ type: z.literal('scroll-to'), y: z.number(), hideFixed: z.boolean() });
export const RestorePage = z.object({ type: z.literal('restore-page'), x: z.number(), y: z.number() });
export const FindingRegion = z.object({ type: z.literal('finding-region'), id: z.string() });

export const ToEngine = z.union([
  RunAudit,
  FocusFinding,
  SetHidden,
  CaptureInfo,
  ScrollTo,
  RestorePage,
  FindingRegion,
]);
export type ToEngine = z.infer<typeof ToEngine>;

export const PageMetrics = z.object({
  scrollX: z.number(),
  scrollY: z.number(),
  scrollHeight: z.number(),
  innerWidth: z.number(),
  innerHeight: z.number(),
  dpr: z.number(),
});
export type PageMetrics = z.infer<typeof PageMetrics>;

export const Region = z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() });
export type Region = z.infer<typeof Region>;

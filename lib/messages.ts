/**
 * Messages between the extension's contexts (content ↔ background ↔ popup), as zod schemas.
 */
import { z } from 'zod/mini';
import { AuditResult } from './model/schema';

export const AuditDone = z.object({ type: z.literal('audit-done'), url: z.string(), result: AuditResult });
export const AuditFailed = z.object({ type: z.literal('audit-failed'), url: z.string(), error: z.string() });
export const GetResult = z.object({ type: z.literal('get-result'), tabId: z.number() });
export const RunAudit = z.object({ type: z.literal('run-audit') });

export const Message = z.union([AuditDone, AuditFailed, GetResult, RunAudit]);
export type Message = z.infer<typeof Message>;

export const TabState = z.object({
  url: z.string(),
  result: z.nullable(AuditResult),
  error: z.nullable(z.string()),
});
export type TabState = z.infer<typeof TabState>;

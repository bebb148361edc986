/**
 * Messages to the engine content script (background/popup → engine), as zod schemas. Kept apart from
 * lib/messages.ts so the engine does not build the AuditResult schema it never parses.
 */
import { z } from 'zod/mini';

export const RunAudit = z.object({ type: z.literal('run-audit') });
export const FocusFinding = z.object({ type: z.literal('focus-finding'), id: z.string() });
export const SetHidden = z.object({ type: z.literal('set-hidden'), hidden: z.boolean() });

export const ToEngine = z.union([RunAudit, FocusFinding, SetHidden]);
export type ToEngine = z.infer<typeof ToEngine>;

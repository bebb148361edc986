/**
 * The small enums of the model, apart from the full schemas so that contexts which need only these (the
 * engine content script, settings) do not build the whole AuditResult schema at start-up.
 */
import { z } from 'zod/mini';

export const Lang = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof Lang>;

/** In the order findings are listed. */
export const CATEGORIES = [
  'sum',
  'section',
  'year',
  'template',
  'consistency',
  'history',
  'content',
  'extraction',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/** Most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const TableKind = z.enum(['t1', 't2', 't3']);
export type TableKind = z.infer<typeof TableKind>;

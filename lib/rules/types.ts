/**
 * A rule is one module: metadata (id, category, severity, texts, basis, fix) apart from its check, like
 * ESLint's meta + create and axe-core's rule metadata. The check returns findings that point at cells or
 * text ranges; the audit adds the metadata and ids.
 */
import type { Category, Evidence, I18nText, Locator, Severity } from '../model/schema';
import type { RuleContext } from './context';

export interface RuleMeta {
  id: string;
  category: Category;
  /** Default severity; a finding may lower or raise it (e.g. late by days → warning, by months → error). */
  severity: Severity;
  title: I18nText;
  /** Legal or format basis: 条例 article, format clause. */
  basis: I18nText;
  /** Suggested fix. */
  fix: I18nText;
  /** Runs on pages that are not reports too (e.g. column pages); default: reports only. */
  allPages?: boolean;
  /** When given and false, the rule is not applicable to this audit (e.g. no previous year's report). */
  applies?: (ctx: RuleContext) => boolean;
}

export interface RuleFinding {
  message: I18nText;
  targets: Locator[];
  evidence?: Evidence;
  severity?: Severity;
  /** Makes the finding id stable: ruleId:key. Defaults to the first target. */
  key?: string;
  /** Overrides the rule's fix for this finding. */
  fix?: I18nText;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): RuleFinding[];
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

export const zhEn = (zh: string, en: string): I18nText => ({ zh, en });

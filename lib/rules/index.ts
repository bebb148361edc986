/**
 * The rule registry: every module under lib/rules/<category>/ is a rule (default export). Adding a rule is
 * adding its file (and its test): nothing here changes. Order: by category, then by id.
 */
import type { Category } from '../model/schema';
import type { Rule } from './types';

const modules = import.meta.glob<{ default: Rule }>('./*/*.ts', { eager: true });

const CATEGORY_ORDER: Category[] = [
  'sum',
  'section',
  'year',
  'template',
  'consistency',
  'content',
  'extraction',
];

export const RULES: readonly Rule[] = Object.values(modules)
  .map((m) => m.default)
  .filter((r): r is Rule => !!r && typeof r.check === 'function')
  .sort(
    (a, b) =>
      CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || a.id.localeCompare(b.id),
  );

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

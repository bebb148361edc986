/**
 * The rule registry: every module under lib/rules/<category>/ is a rule (default export). Adding a rule is
 * adding its file (and its test): nothing here changes. Order: by category, then by id.
 */
import { CATEGORIES } from '../model/enums';
import type { Rule } from './types';

const modules = import.meta.glob<{ default: Rule }>('./*/*.ts', { eager: true });

export const RULES: readonly Rule[] = Object.values(modules)
  .map((m) => m.default)
  .filter((r): r is Rule => !!r && typeof r.check === 'function')
  // ids are ASCII: a plain comparison (localeCompare would build an ICU collator at start-up, ~30 ms cold)
  .sort(
    (a, b) =>
      CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

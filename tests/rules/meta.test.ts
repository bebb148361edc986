/**
 * Every rule is one module under lib/rules/<category>/<id>.ts whose id is its file name and whose category
 * is its folder, and every rule has its own test file tests/rules/<category>/<id>.test.ts that imports it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../lib/model/enums';
import { RULES } from '../../lib/rules/index';
import type { Rule } from '../../lib/rules/types';

const modules = import.meta.glob<{ default: Rule }>('../../lib/rules/*/*.ts', { eager: true });
const here = dirname(fileURLToPath(import.meta.url));

const entries = Object.entries(modules).map(([path, mod]) => {
  const [category = '', file = ''] = path.replace('../../lib/rules/', '').split('/');
  return { path, category, id: basename(file, '.ts'), rule: mod.default };
});

describe('rule modules and their tests', () => {
  it('finds the rules', () => {
    expect(entries.length).toBeGreaterThanOrEqual(39);
    expect(entries.map((e) => e.rule)).toEqual(expect.arrayContaining([...RULES]));
    expect(RULES).toHaveLength(entries.length);
  });
  for (const e of entries) {
    it(`${e.category}/${e.id}`, () => {
      expect(typeof e.rule?.check, `${e.path} default-exports a rule`).toBe('function');
      expect(e.rule.id, 'id = file name').toBe(e.id);
      expect(e.rule.category, 'category = folder').toBe(e.category);
      expect(CATEGORIES).toContain(e.category);
      const test = join(here, e.category, `${e.id}.test.ts`);
      expect(existsSync(test), `tests/rules/${e.category}/${e.id}.test.ts exists`).toBe(true);
      const src = readFileSync(test, 'utf8');
      expect(src, 'the test imports its rule module').toContain(
        `import rule from '../../../lib/rules/${e.category}/${e.id}';`,
      );
      expect(src, 'and hands it to the rule tester').toMatch(/ruleTester\(rule, \{/);
    });
  }
  it('every rule test file belongs to a rule', () => {
    const ids = entries.map((e) => `${e.category}/${e.id}`);
    for (const dir of readdirSync(here, { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(join(here, dir.name)))
        if (f.endsWith('.test.ts'))
          expect(ids, `${dir.name}/${f}`).toContain(`${dir.name}/${f.replace('.test.ts', '')}`);
    }
  });
});

/**
 * Files that are generated from the code must be what the code generates today: the README's rule table
 * (scripts/rules.ts) and the bundled sample pages (scripts/make-samples.ts, from the fixture builders).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/rules/index';
import { ROOT } from '../../scripts/browser';
import { renderSamples } from '../../scripts/make-samples';
import { rulesTable } from '../../scripts/rules';

describe('README.md rule table', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  it('is exactly what `node scripts/run.mjs scripts/rules.ts` prints', () => {
    const lines = readme.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| id '));
    expect(start, 'the table is in README.md').toBeGreaterThan(0);
    let end = start;
    while (lines[end]?.startsWith('|')) end++;
    expect(`${lines.slice(start, end).join('\n')}\n`).toBe(rulesTable());
  });
  it('lists every rule once, with its category, severity and both titles', () => {
    const table = rulesTable();
    for (const r of RULES) {
      const row = table.split('\n').filter((l) => l.startsWith(`| \`${r.id}\` `));
      expect(row, r.id).toHaveLength(1);
      expect(row[0]?.split('|').map((c) => c.trim())).toEqual([
        '',
        `\`${r.id}\``,
        r.category,
        r.severity,
        r.title.zh,
        r.title.en,
        '',
      ]);
    }
    expect(table.trim().split('\n')).toHaveLength(RULES.length + 2);
  });
});

describe('assets/samples', () => {
  const dir = join(ROOT, 'assets', 'samples');
  const samples = renderSamples();
  it('holds exactly the generated sample files', () => {
    expect(readdirSync(dir).sort()).toEqual(samples.map(([name]) => name).sort());
  });
  for (const [name, content] of samples) {
    it(`${name} is what scripts/make-samples.ts writes`, () => {
      expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
    });
  }
});

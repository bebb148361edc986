/**
 * Lists the rules as a Markdown table, aligned for a monospaced font (for README.md): node scripts/run.mjs scripts/rules.ts
 * `rulesTable()` is the pure part; tests/unit/generated.test.ts holds README.md to it.
 */
import { RULES } from '../lib/rules/index';
import type { Rule } from '../lib/rules/types';

const HEAD = ['id', 'category', 'severity', '检查', 'checks'];

/** Columns a string takes in a monospaced font: CJK ideographs and full-width forms take two. */
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s)
    n +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return n;
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

/** The README's rule table, columns padded to a common width, one line per rule, ending in a newline. */
export function rulesTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((r) => [`\`${r.id}\``, r.category, r.severity, r.title.zh, r.title.en]);
  const widths = HEAD.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i] ?? 0)).join(' | ')} |`;
  return `${[line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}

export async function main(): Promise<number> {
  process.stdout.write(rulesTable());
  return 0;
}

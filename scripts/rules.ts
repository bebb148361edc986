/**
 * Lists the rules as a Markdown table (for README.md): node scripts/run.mjs scripts/rules.ts
 */
import { RULES } from '../lib/rules/index';

export async function main(): Promise<number> {
  process.stdout.write('| id | category | severity | 检查 | checks |\n|---|---|---|---|---|\n');
  for (const r of RULES)
    process.stdout.write(`| \`${r.id}\` | ${r.category} | ${r.severity} | ${r.title.zh} | ${r.title.en} |\n`);
  return 0;
}

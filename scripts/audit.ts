/**
 * The command line: npm run audit -- [--json] [--lang zh|en] [--now YYYY-MM-DD] PATH_OR_URL…
 * With no input it audits the bundled sample pages (assets/samples).
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDocument, auditText, toResult } from '../lib/audit';
import { parseYmd } from '../lib/detect/meta';
import { errorEntry, type JsonEntry, toJsonEntry } from '../lib/export/json';
import { formatText } from '../lib/export/text';
import type { AuditResult, Lang } from '../lib/model/schema';
import { loadFile, loadUrl, parseHtml } from './load';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES_DIR = join(ROOT, 'assets', 'samples');

const USAGE = `usage: npm run audit -- [--json] [--lang zh|en] [--now YYYY-MM-DD] [PATH_OR_URL…]
  PATH  a saved page (.html/.htm) or text extracted from Word/PDF (.txt)
  URL   an http(s) address (fetched, redirects followed, GBK pages decoded)
  With no input, audits the bundled sample pages in assets/samples.
  Exit status: 0 no errors found, 1 an input has an error finding, 2 usage error.`;

export interface CliOptions {
  json: boolean;
  lang: Lang;
  now: string | undefined;
  inputs: string[];
}

export function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = { json: false, lang: 'zh', now: undefined, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') o.json = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v !== 'zh' && v !== 'en') return `--lang takes zh or en, not ${v ?? '(nothing)'}`;
      o.lang = v;
    } else if (a === '--now' || a.startsWith('--now=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      // a real calendar date: Date.parse would take 2021-02-30 as 2 March
      if (!v || !parseYmd(v))
        return `--now 需要一个有效日期 YYYY-MM-DD（1990–2100），而不是 ${v || '（空）'} / --now takes a real date YYYY-MM-DD (1990–2100), not ${v || '(nothing)'}`;
      o.now = v;
    } else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else o.inputs.push(a);
  }
  return o;
}

export async function auditInput(input: string, now: string | undefined): Promise<AuditResult> {
  const isUrl = /^https?:\/\//i.test(input);
  const loaded = isUrl ? await loadUrl(input) : await loadFile(input);
  const opts = now ? { now } : {};
  if (loaded.kind === 'text') return toResult(auditText(loaded.text, opts));
  return toResult(auditDocument(parseHtml(loaded.text), loaded.url, opts));
}

export async function sampleInputs(): Promise<string[]> {
  const names = (await readdir(SAMPLES_DIR)).filter((n) => /\.(html?|txt)$/i.test(n)).sort();
  return names.map((n) => relative(process.cwd(), join(SAMPLES_DIR, n)));
}

export async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (typeof opts === 'string') {
    if (opts) process.stderr.write(`${opts}\n`);
    process.stderr.write(`${USAGE}\n`);
    return opts ? 2 : 0;
  }
  const inputs = opts.inputs.length > 0 ? opts.inputs : await sampleInputs();
  const entries: JsonEntry[] = [];
  let anyError = false;
  for (const input of inputs) {
    try {
      const result = await auditInput(input, opts.now);
      if (result.findings.some((f) => f.severity === 'error')) anyError = true;
      entries.push(toJsonEntry(input, result, opts.lang));
      if (!opts.json) process.stdout.write(`${formatText(input, result, opts.lang)}\n\n`);
    } catch (err) {
      const msg =
        err instanceof Error
          ? err.cause instanceof Error
            ? `${err.message}: ${err.cause.message}`
            : err.message
          : String(err);
      process.stderr.write(`${input}: ${msg}\n`);
      entries.push(errorEntry(input, msg));
    }
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return anyError ? 1 : 0;
}

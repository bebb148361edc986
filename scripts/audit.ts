/**
 * The command line: npm run audit -- [--json] [--lang zh|en] [--now YYYY-MM-DD] PATH_OR_URL…
 * With no input it audits the bundled sample pages (assets/samples).
 */
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditDocument, auditExtracted, auditText, toResult } from '../lib/audit';
import { errorEntry, type JsonEntry, toJsonEntry } from '../lib/export/json';
import { formatText } from '../lib/export/text';
import { blocksFromDocument } from '../lib/extract/blocks';
import { extract } from '../lib/extract/index';
import type { AuditResult, Lang } from '../lib/model/schema';
import { loadFile, loadUrl, parseHtml } from './load';
import { ocrImageTables, terminateOcr } from './ocr';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES_DIR = join(ROOT, 'assets', 'samples');

const USAGE = `usage: npm run audit -- [--json] [--lang zh|en] [--now YYYY-MM-DD] [--no-ocr] [PATH_OR_URL…]
  PATH  a saved page (.html/.htm) or text extracted from Word/PDF (.txt)
  URL   an http(s) address (fetched, redirects followed, GBK pages decoded)
  --no-ocr  do not read tables given as pictures (<img>) with OCR
  With no input, audits the bundled sample pages in assets/samples.
  Exit status: 0 no errors found, 1 an input has an error finding, 2 usage error.`;

export interface CliOptions {
  json: boolean;
  lang: Lang;
  now: string | undefined;
  /** Read image tables with OCR (default on; --no-ocr). */
  ocr: boolean;
  inputs: string[];
}

export function parseArgs(argv: string[]): CliOptions | string {
  const o: CliOptions = { json: false, lang: 'zh', now: undefined, ocr: true, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--json') o.json = true;
    else if (a === '--no-ocr') o.ocr = false;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (v !== 'zh' && v !== 'en') return `--lang takes zh or en, not ${v ?? '(nothing)'}`;
      o.lang = v;
    } else if (a === '--now' || a.startsWith('--now=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        return `--now takes YYYY-MM-DD, not ${v ?? '(nothing)'}`;
      o.now = v;
    } else if (a === '--help' || a === '-h') return '';
    else if (a.startsWith('--')) return `unknown option ${a}`;
    else o.inputs.push(a);
  }
  return o;
}

export async function auditInput(input: string, now: string | undefined, ocr = false): Promise<AuditResult> {
  const isUrl = /^https?:\/\//i.test(input);
  const loaded = isUrl ? await loadUrl(input) : await loadFile(input);
  const opts = now ? { now } : {};
  if (loaded.kind === 'text') return toResult(auditText(loaded.text, opts));
  const doc = parseHtml(loaded.text);
  if (ocr) {
    // tables given as pictures: read them with OCR first (values read so are marked, never sole ground of an error)
    try {
      const ex = extract(blocksFromDocument(doc, loaded.url));
      if (ex.report.imageTables.length > 0) {
        const notes = await ocrImageTables(ex, loaded.url ?? resolve(input));
        for (const n of notes)
          if (!n.ok && n.reason)
            process.stderr.write(
              `${input}: 第${n.section}部分的表格图片未能识别（${n.reason.zh}） / section ${n.section} picture not read (${n.reason.en})\n`,
            );
        return toResult(auditExtracted(ex, opts));
      }
    } catch {
      // fall through to the plain audit, which reports what it can
    }
  }
  return toResult(auditDocument(doc, loaded.url, opts));
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
      const result = await auditInput(input, opts.now, opts.ocr);
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
  await terminateOcr();
  if (opts.json) process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
  return anyError ? 1 : 0;
}

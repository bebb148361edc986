import { DOMParser } from 'linkedom';
import { afterEach, beforeEach, vi } from 'vitest';
import { type AuditOptions, type AuditOutput, auditDocument, auditText } from '../lib/audit';
import type { Finding } from '../lib/model/schema';

export function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export function auditHtml(html: string, opts: AuditOptions = {}, url: string | null = null): AuditOutput {
  return auditDocument(parse(html), url, { now: '2026-11-22', ...opts });
}

export function auditTxt(text: string, opts: AuditOptions = {}): AuditOutput {
  return auditText(text, { now: '2026-11-22', ...opts });
}

export function byRule(out: AuditOutput, ruleId: string): Finding[] {
  return out.findings.filter((f) => f.ruleId === ruleId);
}

export function problems(out: AuditOutput): Finding[] {
  return out.findings.filter((f) => f.severity !== 'info');
}

/** Compact list for assertion messages. */
export function show(fs: Finding[]): string {
  return fs.map((f) => `${f.severity} ${f.ruleId}: ${f.message.zh}`).join('\n');
}

/** What the command line writes, captured per test: `io.out` and `io.err` (reset before each test). */
export function captureStdio(): { out: string; err: string } {
  const io = { out: '', err: '' };
  beforeEach(() => {
    io.out = '';
    io.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      io.out += String(c);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => {
      io.err += String(c);
      return true;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return io;
}

import { DOMParser } from 'linkedom';
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

/**
 * The snapshot of an audit, as the store keeps it.
 */
import type { AuditOutput } from '../audit';
import { makeSnapshot, type ReportSnapshot } from './snapshot';

export function snapshotOf(out: AuditOutput, url: string, auditedAt: Date = new Date()): ReportSnapshot {
  const ex = out.extracted;
  const narrative = ex.text.filter((b) => b.kind === 'text' && !b.inTable);
  const sectionText = (n: number): string => {
    const s = ex.sections.find((x) => x.canonical === n);
    if (!s) return '';
    return narrative
      .filter((b) => b.index >= s.bodyStart && b.index < s.bodyEnd)
      .map((b) => b.text)
      .join('\n');
  };
  return makeSnapshot({
    url,
    auditedAt: auditedAt.toISOString(),
    title: out.report.title,
    agency: out.report.agency,
    bodyKind: out.report.bodyKind,
    year: out.report.reportYear,
    publishedAt: out.report.publishedAt,
    tables: out.report.tables,
    sectionText,
    narrative: narrative.map((b) => b.text).join('\n'),
    findings: out.findings,
  });
}

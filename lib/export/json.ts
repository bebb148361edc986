/**
 * JSON export: one object per audited input (the CLI's --json format, documented in README.md).
 */
import type { AuditResult, Lang } from '../model/schema';

export interface JsonEntry {
  source: string;
  isReport: boolean;
  reportYear: number | null;
  agency: string | null;
  bodyKind: string | null;
  title: string | null;
  publishedAt: string | null;
  findings: Array<{
    id: string;
    ruleId: string;
    category: string;
    severity: string;
    title: string;
    message: string;
    basis: string;
    fix: string;
    targets: AuditResult['findings'][number]['targets'];
    evidence?: {
      expected?: number;
      found?: number;
      difference?: number;
      formula?: string;
      quote?: string;
    };
  }>;
  coverage: AuditResult['coverage'] | null;
  error?: string;
}

export function toJsonEntry(source: string, result: AuditResult, lang: Lang): JsonEntry {
  const r = result.report;
  return {
    source,
    isReport: r.isReport,
    reportYear: r.reportYear,
    agency: r.agency,
    bodyKind: r.bodyKind,
    title: r.title,
    publishedAt: r.publishedAt,
    findings: result.findings.map((f) => ({
      id: f.id,
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      title: f.title[lang],
      message: f.message[lang],
      basis: f.basis[lang],
      fix: f.fix[lang],
      targets: f.targets,
      ...(f.evidence
        ? {
            evidence: {
              ...(f.evidence.expected !== undefined ? { expected: f.evidence.expected } : {}),
              ...(f.evidence.found !== undefined ? { found: f.evidence.found } : {}),
              ...(f.evidence.difference !== undefined ? { difference: f.evidence.difference } : {}),
              ...(f.evidence.formula ? { formula: f.evidence.formula[lang] } : {}),
              ...(f.evidence.quote ? { quote: f.evidence.quote } : {}),
            },
          }
        : {}),
    })),
    coverage: result.coverage,
  };
}

export function errorEntry(source: string, error: string): JsonEntry {
  return {
    source,
    isReport: false,
    reportYear: null,
    agency: null,
    bodyKind: null,
    title: null,
    publishedAt: null,
    findings: [],
    coverage: null,
    error,
  };
}

/**
 * Counts used by the badge, the popup and the CLI.
 */
import type { AuditResult, Severity } from './model/schema';

export function counts(result: AuditResult): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of result.findings) c[f.severity]++;
  return c;
}

/** Badge text and colour: errors on red, warnings on amber, ✓ on green, ? when not fully read. */
export function badgeFor(result: AuditResult | null): { text: string; color: string } {
  if (!result?.report.isReport) return { text: '', color: '#000000' };
  const c = counts(result);
  if (c.error > 0) return { text: String(c.error), color: '#d93025' };
  if (c.warning > 0) return { text: String(c.warning), color: '#f29900' };
  const incomplete =
    result.coverage.partial ||
    Object.values(result.coverage.tables).some((s) => s !== 'read' && s !== 'not-applicable');
  if (incomplete) return { text: '?', color: '#5f6368' };
  return { text: '✓', color: '#188038' };
}

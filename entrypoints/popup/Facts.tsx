/** The report's facts (agency, year, kind, publication) and what was and was not checked. */
import { numeralZh } from '@/lib/format/sections';
import type { AuditResult, Lang } from '@/lib/model/schema';
import { type MessageKey, t } from '../shared/i18n';

const KIND_KEY: Record<string, MessageKey> = {
  township: 'kindTownship',
  department: 'kindDepartment',
  government: 'kindGovernment',
  unknown: 'kindUnknown',
};
const TABLE_KEY: Record<string, MessageKey> = {
  read: 'tableRead',
  partial: 'tablePartial',
  blank: 'tableBlank',
  image: 'tableImage',
  missing: 'tableMissing',
  'not-applicable': 'tableNa',
};

export function Status({
  result,
  lang,
  busy,
  onAudit,
}: {
  result: AuditResult;
  lang: Lang;
  busy: boolean;
  onAudit: () => void;
}) {
  const r = result.report;
  return (
    <section class="status" data-is-report={String(r.isReport)}>
      {!r.isReport && (
        <p class="muted">
          {t(lang, 'notReport')}{' '}
          <button type="button" class="link" disabled={busy} onClick={onAudit} data-action="audit">
            {t(lang, 'auditAnyway')}
          </button>
        </p>
      )}
      {r.title && <p class="title">{r.title}</p>}
      <dl class="facts">
        <dt>{t(lang, 'agency')}</dt>
        <dd>{r.agency ?? t(lang, 'unknown')}</dd>
        <dt>{t(lang, 'year')}</dt>
        <dd>{r.reportYear ?? t(lang, 'unknown')}</dd>
        <dt>{t(lang, 'bodyKind')}</dt>
        <dd>{t(lang, KIND_KEY[r.bodyKind] ?? 'kindUnknown')}</dd>
        <dt>{t(lang, 'published')}</dt>
        <dd>{r.publishedAt ?? t(lang, 'unknown')}</dd>
      </dl>
    </section>
  );
}

export function Coverage({
  result,
  lang,
  busy,
  onAudit,
}: {
  result: AuditResult;
  lang: Lang;
  busy: boolean;
  onAudit: () => void;
}) {
  const cov = result.coverage;
  const notVerifiable = cov.cells.blank + cov.cells.na + cov.cells.text + cov.cells.missing;
  return (
    <section class="coverage">
      <h2>{t(lang, 'coverage')}</h2>
      <dl class="facts">
        <dt>{t(lang, 'tables')}</dt>
        <dd>
          {(['t1', 't2', 't3'] as const).map((k, i) => (
            <span key={k} class={`table-state ${cov.tables[k]}`}>
              {t(lang, (['table1', 'table2', 'table3'] as const)[i] as MessageKey)}{' '}
              {t(lang, TABLE_KEY[cov.tables[k]] ?? 'tableNa')}
            </span>
          ))}
        </dd>
        <dt>{t(lang, 'sectionsFound')}</dt>
        <dd>{cov.sectionsFound.map((n) => numeralZh(n)).join('、') || '—'}</dd>
        <dt>{t(lang, 'cellsNotVerifiable')}</dt>
        <dd>{notVerifiable}</dd>
      </dl>
      <button type="button" disabled={busy} onClick={onAudit} data-action="reaudit">
        {t(lang, 'reaudit')}
      </button>
    </section>
  );
}

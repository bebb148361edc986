/**
 * The issue list manager (问题清单): list, filter, sort, edit statuses, deadlines and notes one by one or in
 * bulk, view the close-ups, delete, export. The list is the background's: this page asks it for the
 * entries, sends it every change and reloads on its broadcast. Labels follow the language setting.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { formatTime } from '@/lib/issues/export';
import type { IssueEntry, IssueStatus, ReviewStatus } from '@/lib/issues/model';
import type { Lang } from '@/lib/model/schema';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { type MessageKey, t } from '../shared/i18n';
import { ask, listenToBackground } from '../shared/messaging';
import { download, type Format } from './download';
import {
  applyFilters,
  bodyName,
  type Filters,
  isFiltered,
  NO_FILTERS,
  type Sort,
  type SortKey,
} from './filters';
import { IssueRow, type RowActions } from './IssueRow';
import { Summary } from './Summary';
import { Toolbar } from './Toolbar';
import { Viewer } from './Viewer';

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const uniqSorted = (xs: string[]) =>
  [...new Set(xs)].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh'));

export function Manager() {
  const [entries, setEntries] = useState<IssueEntry[] | null>(null);
  const [lang, setLang] = useState<Lang>(DEFAULT_SETTINGS.lang);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<Sort>({ key: 'foundAt', asc: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      void ask('issues-list', {})
        .then(setEntries)
        .catch((err: unknown) => {
          setEntries((cur) => cur ?? []);
          setNote(errorText(err));
        }),
    [],
  );
  useEffect(() => {
    reload();
    void ask('get-settings', {})
      .then((s) => setLang(s.lang))
      .catch(() => undefined);
    return listenToBackground({
      'issues-changed': () => {
        reload();
        return null;
      },
      'settings-changed': (req) => {
        setLang(req.settings.lang);
        return null;
      },
    });
  }, [reload]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'mgrTitle');
  }, [lang]);

  const all = entries ?? [];
  const sites = useMemo(() => uniqSorted(all.map((e) => e.siteName)), [all]);
  const bodies = useMemo(() => uniqSorted(all.map(bodyName)), [all]);
  const shown = useMemo(() => applyFilters(all, filters, sort), [all, filters, sort]);
  const withImages = useMemo(() => shown.filter((e) => e.imageKeys.length > 0), [shown]);

  if (!entries) return <main class="muted">{t(lang, 'mgrLoading')}</main>;

  const filtered = isFiltered(filters);
  const change = (p: Promise<unknown>) =>
    void p.then(reload, (err: unknown) => setNote(t(lang, 'mgrSaveFailed', errorText(err))));
  const actions: RowActions = {
    select: (id, on) => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    patch: (id, patch) => change(ask('issues-update', { id, patch })),
    view: (id) => setViewing(id),
  };
  const bulk = (patch: { status?: IssueStatus; review?: ReviewStatus }) => {
    const ids = shown.filter((e) => selected.has(e.id)).map((e) => e.id);
    if (ids.length === 0) return;
    void ask('issues-update-many', { ids, patch }).then(
      (r) => {
        setNote(t(lang, 'mgrUpdated', String(r.updated)));
        reload();
      },
      (err: unknown) => setNote(t(lang, 'mgrSaveFailed', errorText(err))),
    );
  };
  const head = (key: SortKey | null, label: MessageKey, cls = '') => (
    <th class={cls}>
      {key ? (
        <button
          type="button"
          class="sort"
          onClick={() => setSort({ key, asc: sort.key === key ? !sort.asc : true })}
        >
          {t(lang, label)}
          {sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
        </button>
      ) : (
        t(lang, label)
      )}
    </th>
  );
  const stamp = formatTime(new Date().toISOString()).replace(/[-: ]/g, '');
  const exportAs = async (f: Format) => {
    const list = shown;
    setNote(t(lang, 'mgrExporting'));
    try {
      download(`问题清单_${stamp}.${f.ext}`, await f.write(list), f.type);
      setNote(t(lang, 'mgrExported', String(list.length), f.label));
    } catch (err) {
      setNote(t(lang, 'mgrExportFailed', errorText(err)));
    }
  };
  const remove = () => {
    const ids = shown.filter((e) => selected.has(e.id)).map((e) => e.id);
    if (ids.length === 0 || !window.confirm(t(lang, 'mgrConfirmDelete', String(ids.length)))) return;
    setSelected(new Set());
    change(ask('issues-remove', { ids }));
  };
  const viewIndex = viewing ? withImages.findIndex((e) => e.id === viewing) : -1;
  const selectedShown = shown.filter((e) => selected.has(e.id)).length;

  return (
    <main>
      <header class="top">
        <h1>{t(lang, 'mgrTitle')}</h1>
        <span class="muted">{t(lang, 'mgrCounts', String(entries.length), String(shown.length))}</span>
      </header>
      <Summary entries={shown} lang={lang} onBody={(body) => setFilters({ ...filters, body })} />
      <Toolbar
        lang={lang}
        filters={filters}
        setFilters={setFilters}
        sites={sites}
        bodies={bodies}
        shownCount={shown.length}
        totalCount={entries.length}
        filtered={filtered}
        selectedCount={selectedShown}
        onExport={(f) => void exportAs(f)}
        onBulk={bulk}
        onRemove={remove}
      />
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="empty muted">{t(lang, 'mgrEmptyList')}</p>
      ) : shown.length === 0 ? (
        <div class="empty" data-empty="filtered">
          <p>{t(lang, 'mgrNoMatch')}</p>
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            {t(lang, 'mgrClearFilters')}
          </button>
        </div>
      ) : (
        <table class="issues">
          <thead>
            <tr>
              <th class="check">
                <input
                  type="checkbox"
                  aria-label={t(lang, 'mgrSelectAll')}
                  checked={shown.length > 0 && shown.every((e) => selected.has(e.id))}
                  onChange={(e) =>
                    setSelected(new Set((e.target as HTMLInputElement).checked ? shown.map((x) => x.id) : []))
                  }
                />
              </th>
              {head('id', 'mgrColId', 'id')}
              {head('body', 'mgrColBody', 'body')}
              {head(null, 'mgrColLocation', 'loc')}
              {head('type', 'mgrColType', 'type')}
              {head('severity', 'mgrColSeverity', 'sevcell')}
              {head(null, 'mgrColDescription', 'desc')}
              {head(null, 'mgrColShot', 'thumbcell')}
              {head('status', 'mgrColStatus', 'status')}
              {head('foundAt', 'mgrColFound', 'found')}
              {head(null, 'mgrColNote', 'note')}
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <IssueRow key={e.id} e={e} lang={lang} selected={selected.has(e.id)} actions={actions} />
            ))}
          </tbody>
        </table>
      )}
      {viewIndex >= 0 && (
        <Viewer
          list={withImages}
          index={viewIndex}
          lang={lang}
          onStep={(i) => setViewing(withImages[i]?.id ?? null)}
          onClose={() => setViewing(null)}
        />
      )}
    </main>
  );
}

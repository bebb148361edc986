/**
 * The issue list manager (问题清单): list, filter, sort, edit status and notes, delete, export. The list is
 * the background's: this page asks it for the entries, sends it every change and reloads on its broadcast.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { formatTime, toZip } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';
import { ask, listenToBackground } from '../shared/messaging';
import { download } from './download';
import { IssueRow, type RowActions } from './IssueRow';
import { images } from './Thumb';
import { type Filters, Toolbar } from './Toolbar';

type SortKey = 'id' | 'siteName' | 'severity' | 'foundAt' | 'status' | 'type';
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function Manager() {
  const [entries, setEntries] = useState<IssueEntry[] | null>(null);
  const [filters, setFilters] = useState<Filters>({ status: '', severity: '', site: '', q: '' });
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'foundAt', asc: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      void ask('issues-list', {})
        .then(setEntries)
        .catch((err: unknown) => {
          setEntries((cur) => cur ?? []);
          setNote(`无法读取问题清单（${errorText(err)}）。`);
        }),
    [],
  );
  useEffect(() => {
    reload();
    return listenToBackground({
      'issues-changed': () => {
        reload();
        return null;
      },
    });
  }, [reload]);

  const sites = useMemo(() => [...new Set((entries ?? []).map((e) => e.siteName))].sort(), [entries]);
  const shown = useMemo(() => {
    const { status, severity, site, q } = filters;
    const list = (entries ?? []).filter(
      (e) =>
        (!status || e.status === status) &&
        (!severity || e.severity === severity) &&
        (!site || e.siteName === site) &&
        (!q || `${e.id} ${e.pageTitle} ${e.description} ${e.note} ${e.location}`.includes(q)),
    );
    const val = (e: IssueEntry): string | number =>
      sort.key === 'severity' ? SEVERITY_ORDER[e.severity] : e[sort.key];
    return list.sort((a, b) => {
      const x = val(a);
      const y = val(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (sort.asc ? 1 : -1);
    });
  }, [entries, filters, sort]);

  if (!entries) return <main class="muted">正在读取…</main>;

  const change = (p: Promise<unknown>) =>
    void p.then(reload, (err: unknown) => setNote(`保存失败（${errorText(err)}）。`));
  const actions: RowActions = {
    select: (id, on) => {
      const next = new Set(selected);
      if (on) next.add(id);
      else next.delete(id);
      setSelected(next);
    },
    setStatus: (id, status) => change(ask('issues-update', { id, patch: { status } })),
    setNote: (id, text) => change(ask('issues-update', { id, patch: { note: text } })),
  };
  const head = (key: SortKey, label: string) => (
    <th>
      <button
        type="button"
        class="sort"
        onClick={() => setSort({ key, asc: sort.key === key ? !sort.asc : true })}
      >
        {label}
        {sort.key === key ? (sort.asc ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const stamp = formatTime(new Date().toISOString()).replace(/[-: ]/g, '');
  const exportZip = async () => {
    setNote('正在打包…');
    download(`问题清单_${stamp}.zip`, await toZip(shown, (k) => images.get(k)), 'application/zip');
    setNote(`已导出 ${shown.length} 条（ZIP：XLSX、截图、Markdown、HTML、JSON）。`);
  };
  const remove = () => {
    if (selected.size === 0 || !window.confirm(`删除选中的 ${selected.size} 条？`)) return;
    const ids = [...selected];
    setSelected(new Set());
    change(ask('issues-remove', { ids }));
  };

  return (
    <main>
      <header>
        <h1>问题清单</h1>
        <span class="muted">
          共 {entries.length} 条，显示 {shown.length} 条
        </span>
      </header>
      <Toolbar
        filters={filters}
        setFilters={setFilters}
        sites={sites}
        shownCount={shown.length}
        selectedCount={selected.size}
        onZip={() => void exportZip()}
        onExport={(f) => void f.write(shown).then((d) => download(`问题清单_${stamp}.${f.ext}`, d, f.type))}
        onRemove={remove}
      />
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
      {entries.length === 0 ? (
        <p class="muted">清单为空：在年报页面的弹出窗口中选择“全部加入问题清单”或单条“＋”。</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>
                <input
                  type="checkbox"
                  aria-label="全选"
                  checked={shown.length > 0 && shown.every((e) => selected.has(e.id))}
                  onChange={(e) =>
                    setSelected(new Set((e.target as HTMLInputElement).checked ? shown.map((x) => x.id) : []))
                  }
                />
              </th>
              {head('id', '问题编号')}
              {head('siteName', '网站 / 页面')}
              <th>位置</th>
              {head('type', '问题类型')}
              {head('severity', '严重程度')}
              <th>问题描述 / 依据 / 整改建议</th>
              <th>截图</th>
              {head('foundAt', '发现时间 / 检查人')}
              {head('status', '整改状态')}
              <th>复查结果</th>
              <th>备注</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <IssueRow key={e.id} e={e} selected={selected.has(e.id)} actions={actions} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/**
 * The issue list manager (问题清单): list, filter, sort, edit status and notes, delete, export
 * (ZIP with XLSX + screenshots + Markdown + HTML + JSON, or each format alone).
 */

import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import {
  COLUMNS,
  formatTime,
  imageFileName,
  toHtml,
  toJson,
  toMarkdown,
  toXlsx,
  toZip,
} from '@/lib/issues/export';
import { type IssueEntry, type IssueStatus, STATUS_ZH } from '@/lib/issues/model';
import type { Severity } from '@/lib/model/schema';
import { issueStore } from '../shared/issue-store';
import '../shared/base.css';
import './style.css';

const store = issueStore();
const SEV_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
/** Single-format exports beside the ZIP. */
const FORMATS: Array<{
  label: string;
  ext: string;
  type: string;
  write: (e: IssueEntry[]) => Promise<Blob | string>;
}> = [
  {
    label: 'XLSX',
    ext: 'xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: toXlsx,
  },
  { label: 'Markdown', ext: 'md', type: 'text/markdown', write: async (e) => toMarkdown(e) },
  { label: 'HTML', ext: 'html', type: 'text/html', write: async (e) => toHtml(e) },
  { label: 'JSON', ext: 'json', type: 'application/json', write: async (e) => toJson(e) },
];
type SortKey = 'id' | 'siteName' | 'severity' | 'foundAt' | 'status' | 'type';

function download(name: string, data: Blob | Uint8Array | string, type: string) {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function Thumb({ entry }: { entry: IssueEntry }) {
  const [url, setUrl] = useState<string | null>(null);
  const key = entry.imageKeys.find((k) => !k.endsWith('-plain'));
  useEffect(() => {
    let u: string | null = null;
    if (key) {
      void store.image(key).then((b) => {
        if (!b) return;
        u = URL.createObjectURL(b);
        setUrl(u);
      });
    }
    return () => {
      if (u) URL.revokeObjectURL(u);
    };
  }, [key]);
  if (!key) return <span class="muted">—</span>;
  return url ? (
    <a href={url} download={imageFileName(entry, key)} title={entry.screenshot ?? ''}>
      <img src={url} alt={entry.screenshot ?? ''} />
    </a>
  ) : (
    <span class="muted">…</span>
  );
}

function Manager() {
  const [entries, setEntries] = useState<IssueEntry[] | null>(null);
  const [status, setStatus] = useState<IssueStatus | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [site, setSite] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; asc: boolean }>({ key: 'foundAt', asc: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);

  const reload = () => void store.list().then(setEntries);
  useEffect(() => {
    reload();
    const onChange = (_: unknown, area: string) => {
      if (area === 'local') reload();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  const sites = useMemo(() => [...new Set((entries ?? []).map((e) => e.siteName))].sort(), [entries]);
  const shown = useMemo(() => {
    const order = { error: 0, warning: 1, info: 2 };
    const list = (entries ?? []).filter(
      (e) =>
        (!status || e.status === status) &&
        (!severity || e.severity === severity) &&
        (!site || e.siteName === site) &&
        (!q || `${e.id} ${e.pageTitle} ${e.description} ${e.note} ${e.location}`.includes(q)),
    );
    const val = (e: IssueEntry): string | number =>
      sort.key === 'severity' ? order[e.severity] : e[sort.key];
    return list.sort((a, b) => {
      const x = val(a);
      const y = val(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (sort.asc ? 1 : -1);
    });
  }, [entries, status, severity, site, q, sort]);

  if (!entries) return <main class="muted">正在读取…</main>;

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
    download(`问题清单_${stamp}.zip`, await toZip(shown, (k) => store.image(k)), 'application/zip');
    setNote(`已导出 ${shown.length} 条（ZIP：XLSX、截图、Markdown、HTML、JSON）。`);
  };
  const remove = async () => {
    if (selected.size === 0 || !window.confirm(`删除选中的 ${selected.size} 条？`)) return;
    await store.remove([...selected]);
    setSelected(new Set());
    reload();
  };

  return (
    <main>
      <header>
        <h1>问题清单</h1>
        <span class="muted">
          共 {entries.length} 条，显示 {shown.length} 条
        </span>
      </header>
      <div class="toolbar">
        <select
          value={status}
          onChange={(e) => setStatus((e.target as HTMLSelectElement).value as IssueStatus | '')}
          aria-label="整改状态"
        >
          <option value="">全部状态</option>
          {(Object.keys(STATUS_ZH) as IssueStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_ZH[s]}
            </option>
          ))}
        </select>
        <select
          value={severity}
          onChange={(e) => setSeverity((e.target as HTMLSelectElement).value as Severity | '')}
          aria-label="严重程度"
        >
          <option value="">全部程度</option>
          {(['error', 'warning', 'info'] as const).map((s) => (
            <option key={s} value={s}>
              {SEV_ZH[s]}
            </option>
          ))}
        </select>
        <select
          value={site}
          onChange={(e) => setSite((e.target as HTMLSelectElement).value)}
          aria-label="网站"
        >
          <option value="">全部网站</option>
          {sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <input
          type="search"
          placeholder="搜索编号、标题、描述、备注"
          value={q}
          onInput={(e) => setQ((e.target as HTMLInputElement).value)}
        />
        <span class="spacer" />
        <button
          type="button"
          class="primary"
          onClick={() => void exportZip()}
          data-action="export-zip"
          disabled={shown.length === 0}
        >
          导出 ZIP
        </button>
        {FORMATS.map((f) => (
          <button
            key={f.label}
            type="button"
            onClick={() => void f.write(shown).then((d) => download(`问题清单_${stamp}.${f.ext}`, d, f.type))}
            disabled={shown.length === 0}
          >
            {f.label}
          </button>
        ))}
        <button type="button" class="danger" onClick={() => void remove()} disabled={selected.size === 0}>
          删除选中
        </button>
      </div>
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
              <tr key={e.id} data-issue-id={e.id} class={e.severity}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={e.id}
                    checked={selected.has(e.id)}
                    onChange={(ev) => {
                      const next = new Set(selected);
                      if ((ev.target as HTMLInputElement).checked) next.add(e.id);
                      else next.delete(e.id);
                      setSelected(next);
                    }}
                  />
                </td>
                <td class="mono">{e.id}</td>
                <td>
                  {e.siteName}
                  <br />
                  <a href={e.pageUrl} target="_blank" rel="noreferrer">
                    {e.pageTitle || e.pageUrl}
                  </a>
                </td>
                <td>{e.location}</td>
                <td>{e.type}</td>
                <td>
                  <span class={`sev ${e.severity}`}>{SEV_ZH[e.severity]}</span>
                </td>
                <td class="desc">
                  {e.description}
                  <details>
                    <summary>依据 / 建议</summary>
                    <p>{e.basis}</p>
                    <p>{e.fix}</p>
                  </details>
                </td>
                <td class="thumb">
                  <Thumb entry={e} />
                </td>
                <td>
                  {formatTime(e.foundAt)}
                  <br />
                  {e.inspector}
                </td>
                <td>
                  <select
                    value={e.status}
                    aria-label="整改状态"
                    onChange={(ev) =>
                      void store
                        .setStatus(e.id, (ev.target as HTMLSelectElement).value as IssueStatus)
                        .then(reload)
                    }
                  >
                    {(Object.keys(STATUS_ZH) as IssueStatus[]).map((s) => (
                      <option key={s} value={s}>
                        {STATUS_ZH[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{COLUMNS.find((c) => c.header === '复查结果')?.value(e) || '—'}</td>
                <td>
                  <textarea
                    rows={2}
                    value={e.note}
                    aria-label="备注"
                    onChange={(ev) =>
                      void store.update(e.id, { note: (ev.target as HTMLTextAreaElement).value }).then(reload)
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Manager />, root);

/** One row of the manager's table: the entry's columns, its status and note edited through the background. */
import { COLUMNS, formatTime } from '@/lib/issues/export';
import { type IssueEntry, IssueStatus, STATUS_ZH } from '@/lib/issues/model';
import type { Severity } from '@/lib/model/schema';
import { Thumb } from './Thumb';

export const SEV_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
export const STATUSES: IssueStatus[] = ['open', 'fixed', 'false-positive'];

export interface RowActions {
  select: (id: string, on: boolean) => void;
  setStatus: (id: string, status: IssueStatus) => void;
  setNote: (id: string, note: string) => void;
}

export function IssueRow({
  e,
  selected,
  actions,
}: {
  e: IssueEntry;
  selected: boolean;
  actions: RowActions;
}) {
  return (
    <tr data-issue-id={e.id} class={e.severity}>
      <td>
        <input
          type="checkbox"
          aria-label={e.id}
          checked={selected}
          onChange={(ev) => actions.select(e.id, (ev.target as HTMLInputElement).checked)}
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
          onChange={(ev) => {
            const s = IssueStatus.safeParse((ev.target as HTMLSelectElement).value);
            if (s.success) actions.setStatus(e.id, s.data);
          }}
        >
          {STATUSES.map((s) => (
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
          onChange={(ev) => actions.setNote(e.id, (ev.target as HTMLTextAreaElement).value)}
        />
      </td>
    </tr>
  );
}

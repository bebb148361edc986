/** Single-format exports beside the ZIP, and the browser download of a file made in the page. */
import { toHtml, toJson, toMarkdown, toXlsx } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';

export const FORMATS: Array<{
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

export function download(name: string, data: Blob | Uint8Array | string, type: string) {
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

/**
 * The exports the manager offers, and the browser download of a file made in the page. The XLSX, DOCX and
 * ZIP writers (exceljs, docx) are loaded only when the user exports: the page opens without them.
 */
import { toHtml, toJson, toMarkdown } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';
import { images } from './Thumb';

export interface Format {
  id: 'zip' | 'xlsx' | 'docx' | 'html' | 'md' | 'json';
  label: string;
  ext: string;
  type: string;
  write: (e: IssueEntry[]) => Promise<Blob | Uint8Array | string>;
}

const getImage = (key: string) => images.get(key);

/** Image files as data: URLs, so the HTML exported alone shows its close-ups. */
async function dataUrls(entries: IssueEntry[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const key of new Set(entries.flatMap((e) => e.imageKeys))) {
    const blob = await getImage(key).catch(() => null);
    if (!blob) continue;
    const url = await new Promise<string>((resolve, reject) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.onerror = () => reject(r.error);
      r.readAsDataURL(blob);
    });
    out.set(key, url);
  }
  return out;
}

export const FORMATS: Format[] = [
  {
    id: 'zip',
    label: 'ZIP',
    ext: 'zip',
    type: 'application/zip',
    write: async (e) => (await import('@/lib/issues/export/zip')).toZip(e, getImage),
  },
  {
    id: 'xlsx',
    label: 'XLSX',
    ext: 'xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: async (e) => (await import('@/lib/issues/export/xlsx')).toXlsx(e),
  },
  {
    id: 'docx',
    label: 'Word',
    ext: 'docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: async (e) => (await import('@/lib/issues/export/docx')).toDocx(e, getImage),
  },
  {
    id: 'html',
    label: 'HTML',
    ext: 'html',
    type: 'text/html',
    write: async (e) => {
      const urls = await dataUrls(e);
      return toHtml(e, { imageSrc: (_entry, key) => urls.get(key) ?? null });
    },
  },
  {
    id: 'md',
    label: 'Markdown',
    ext: 'md',
    type: 'text/markdown',
    write: async (e) => toMarkdown(e),
  },
  {
    id: 'json',
    label: 'JSON',
    ext: 'json',
    type: 'application/json',
    write: async (e) => toJson(e),
  },
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

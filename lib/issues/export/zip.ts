/**
 * One ZIP with everything an inspector hands over: 问题清单.xlsx, .docx, .html, .md, .json and images/ (the
 * annotated close-up and the plain copy of each), which the XLSX, HTML, Markdown and DOCX refer to.
 */
import { strToU8, zipSync } from 'fflate';
import type { IssueEntry } from '../model';
import { imageFileName } from './columns';
import { toDocx } from './docx';
import { toHtml } from './html';
import { toJson, toMarkdown } from './markdown';
import { toXlsx } from './xlsx';

export async function toZip(
  entries: IssueEntry[],
  getImage: (key: string) => Promise<Blob | null>,
): Promise<Uint8Array> {
  const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
  const files: Record<string, Uint8Array> = {
    '问题清单.xlsx': await bytes(await toXlsx(entries)),
    '问题清单.docx': await bytes(await toDocx(entries, getImage)),
    '问题清单.md': strToU8(toMarkdown(entries)),
    '问题清单.html': strToU8(toHtml(entries)),
    '问题清单.json': strToU8(toJson(entries)),
  };
  for (const e of entries) {
    for (const key of e.imageKeys) {
      const name = `images/${imageFileName(e, key)}`;
      if (files[name]) continue;
      const blob = await getImage(key).catch(() => null);
      if (blob) files[name] = await bytes(blob);
    }
  }
  return zipSync(files, { level: 6 });
}

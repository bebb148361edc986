/**
 * Tables read from pictures joining an extraction: for each section whose table is given as an image
 * (Report.imageTables), the readings of its pictures (by block index) are rebuilt into the report table
 * (lib/ocr/table.ts); a table read well enough joins report.tables (its values carry cell.ocr) and its
 * section leaves imageTables. Otherwise the table stays "given as an image: not verifiable". Pure: the
 * extension's engine and any other caller pass the readings they have.
 */
import type { ImageBlock } from '../extract/blocks';
import type { Extracted } from '../extract/index';
import { tableOfSection } from '../format/tables';
import type { Table } from '../model/schema';
import { type PictureReading, unskewBoxes } from './picture';
import { stackPictures, tableFromCells } from './table';

export type PictureOf = Pick<PictureReading, 'width' | 'height' | 'skew' | 'cells'>;

export interface AdoptNote {
  section: number;
  ok: boolean;
  reason: { zh: string; en: string } | null;
}

function adopt(ex: Extracted, section: number, table: Table): void {
  ex.report.tables.push(table);
  ex.tables[table.kind] = table;
  ex.report.imageTables = ex.report.imageTables.filter((x) => x !== section);
  // each value's place on the page is its picture (the overlay marks findings there)
  for (const row of table.rows)
    for (const c of row.cells) {
      const b = c.ocr ? ex.blocks[c.ocr.image] : undefined;
      if (b?.kind === 'image') ex.cellEls.set(c.key, b.el);
    }
}

/** The picture blocks of each section whose table is an image. */
export function pictureBlocks(ex: Extracted): Array<{ section: number; images: ImageBlock[] }> {
  const out: Array<{ section: number; images: ImageBlock[] }> = [];
  for (const n of ex.report.imageTables) {
    const section = ex.sections.find((s) => s.canonical === n);
    if (!section) continue;
    const images = ex.blocks
      .slice(section.bodyStart, section.bodyEnd)
      .filter((b): b is ImageBlock => b.kind === 'image');
    out.push({ section: n, images });
  }
  return out;
}

/** Adopts the tables `reading` gives for the pictures (null: not read). Returns what happened per section. */
export function adoptPictures(ex: Extracted, reading: (img: ImageBlock) => PictureOf | null): AdoptNote[] {
  const notes: AdoptNote[] = [];
  for (const { section: n, images } of pictureBlocks(ex)) {
    const kind = tableOfSection(n);
    if (!kind || ex.tables[kind]) continue;
    const read: Array<{ cells: PictureOf['cells']; image: number }> = [];
    let note: AdoptNote = { section: n, ok: false, reason: null };
    for (const img of images) {
      const r = reading(img);
      if (!r) continue;
      read.push({ cells: r.cells, image: img.index });
      const res = tableFromCells(r.cells, kind, img.index);
      if (res.ok && res.table.kind === kind) {
        unskewBoxes(res.table, r.skew, r.width, r.height);
        adopt(ex, n, res.table);
        note = { section: n, ok: true, reason: null };
        break;
      }
      note = {
        section: n,
        ok: false,
        reason: res.ok ? { zh: '图片中是另一张表', en: 'the picture holds another table' } : res.reason,
      };
    }
    // a table continued over several pictures: read them as one
    if (!note.ok && read.length > 1) {
      const res = tableFromCells(stackPictures(read), kind, read[0]?.image ?? -1);
      if (res.ok && res.table.kind === kind) {
        adopt(ex, n, res.table);
        note = { section: n, ok: true, reason: null };
      }
    }
    notes.push(note);
  }
  return notes;
}

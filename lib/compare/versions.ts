/**
 * The two versions of one report: the page's HTML text and the PDF/Word file published with it (the
 * "全真版" of many TRS sites). Every figure of the three tables read as a number in both is compared; a
 * figure that differs is a finding naming both values. Only figures both versions hold are compared: a
 * cell blank, "/" or lost in one version is not a difference (it cannot be told apart from a reading gap),
 * and two reports of different years or bodies are not versions of each other (nothing is compared).
 * Pure: two Report models in, findings out.
 */
import { TABLES } from '../format/tables';
import type { Cell, Finding, Report, Table, TableKind } from '../model/schema';
import { plainNumber } from '../text/normalize';

export const VERSION_RULE_ID = 'version-figure';

export interface VersionNames {
  /** How the page is named in messages ("网页正文" by default). */
  page?: string;
  /** How the file is named ("附件 xxx.pdf"). */
  file: string;
}

interface Placed {
  cell: Cell;
  rowLabel: string;
  colLabel: string;
}

function cellsOf(t: Table): Map<string, Placed> {
  const cols = new Map(t.columns.map((c) => [c.id, c.label]));
  const out = new Map<string, Placed>();
  for (const row of t.rows) {
    if (row.lostCells || row.id === '?') continue;
    for (const cell of row.cells) {
      if (cell.kind !== 'number' || cell.value === null) continue;
      const colId = cell.key.split(':')[2] ?? '';
      out.set(cell.key, { cell, rowLabel: row.label, colLabel: cols.get(colId) ?? colId });
    }
  }
  return out;
}

const table = (r: Report, k: TableKind) => r.tables.find((t) => t.kind === k);

/** Are these two reports versions of the same report (same year and body where both are known)? */
export function sameReport(a: Report, b: Report): boolean {
  if (!a.isReport || !b.isReport) return false;
  if (a.reportYear !== null && b.reportYear !== null && a.reportYear !== b.reportYear) return false;
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, '');
  if (a.agency && b.agency && norm(a.agency) !== norm(b.agency)) return false;
  return true;
}

const exact = (c: Cell) => c.placement === undefined || c.placement === 'exact';

/** Figures that differ between the page's report and the file's. */
export function compareVersions(page: Report, file: Report, names: VersionNames): Finding[] {
  if (!sameReport(page, file)) return [];
  const pageName = names.page ?? '网页正文';
  const findings: Finding[] = [];
  for (const kind of ['t1', 't2', 't3'] as const) {
    const a = table(page, kind);
    const b = table(file, kind);
    if (!a || !b) continue;
    const inFile = cellsOf(b);
    for (const [key, p] of cellsOf(a)) {
      const f = inFile.get(key);
      if (!f || f.cell.value === p.cell.value) continue;
      const pv = p.cell.value as number;
      const fv = f.cell.value as number;
      const where = `${TABLES[kind].short.zh} ${p.rowLabel ? `${p.rowLabel} × ` : ''}${p.colLabel}`;
      const whereEn = `${TABLES[kind].short.en} ${p.rowLabel ? `${p.rowLabel} × ` : ''}${p.colLabel}`;
      const sure = exact(p.cell) && exact(f.cell);
      const caveat = sure
        ? { zh: '', en: '' }
        : {
            zh: '（附件中的数字按位置读取，请对照原件核实）',
            en: ' (the file’s figure was placed by position: check the original)',
          };
      const diff = fv - pv;
      findings.push({
        id: `${VERSION_RULE_ID}:${key}`,
        ruleId: VERSION_RULE_ID,
        category: 'consistency',
        severity: sure ? 'error' : 'warning',
        title: { zh: '网页正文与附件数字不一致', en: 'Page and attachment figures differ' },
        message: {
          zh: `“${where}”：${pageName}为 ${plainNumber(pv)}，${names.file}为 ${plainNumber(fv)}${caveat.zh}`,
          en: `“${whereEn}”: the page says ${plainNumber(pv)}, ${names.file} says ${plainNumber(fv)}${caveat.en}`,
        },
        basis: {
          zh: '《政府信息公开条例》第六条：行政机关应当及时、准确地公开政府信息；同一报告的不同版本应当一致。',
          en: 'Regulations on Open Government Information, art. 6: information is published accurately; versions of one report must agree.',
        },
        fix: {
          zh: '核对原始统计，更正网页正文或附件中有误的数字，使两个版本一致。',
          en: 'Check the source figures and correct the page or the attachment so both versions agree.',
        },
        targets: [{ type: 'cell', table: kind, key, label: where }],
        evidence: {
          expected: pv,
          found: fv,
          difference: diff,
          formula: {
            zh: `${pageName} ${plainNumber(pv)} ≠ ${names.file} ${plainNumber(fv)}`,
            en: `page ${plainNumber(pv)} ≠ file ${plainNumber(fv)}`,
          },
        },
      });
    }
  }
  return findings;
}

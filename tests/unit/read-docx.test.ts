/**
 * DOCX through mammoth → HTML → the HTML path, on Word files the tests write with the `docx` package
 * (table 2's group labels as vertically merged cells, header cells spanning columns), and the real blank
 * template in ../shared when it is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AuditOutput, auditSource } from '../../lib/audit';
import { readLoaded } from '../../scripts/load';
import { reportDocx } from '../fixtures/documents';
import { show } from '../helpers';

async function audit(bytes: Uint8Array): Promise<AuditOutput> {
  const r = await readLoaded({ bytes, url: null, contentType: null, name: 'report.docx' });
  if (!r.ok) throw new Error(`not read: ${r.message.zh}`);
  expect(r.via).toBe('docx');
  return auditSource(r.src, { now: '2026-11-22' });
}

describe('DOCX reader (mammoth → HTML path)', () => {
  it('a clean Word report: the three tables read through their merged cells, no finding on the sums', async () => {
    const row = (n: number) => [n, 0, 0, 0, 0, 0, n];
    const out = await audit(
      await reportDocx({ t2: { new: row(6), open: row(4), u1: row(2), total: row(6) } }),
    );
    expect(out.report.isReport).toBe(true);
    expect(out.report.agency).toBe('示例县城关镇人民政府');
    expect(out.coverage.tables).toEqual({ t1: 'read', t2: 'read', t3: 'read' });
    expect(out.coverage.readings).toEqual({ t1: 'docx', t2: 'docx', t3: 'docx' });
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    expect(t2?.rows.filter((r) => r.id !== '?')).toHaveLength(25);
    expect(
      out.findings.filter((f) => f.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
    expect(out.findings.filter((f) => f.category === 'template')).toEqual([]);
  });

  it('a broken sum is an error (Word cells are placed exactly), located at its cell', async () => {
    const out = await audit(
      await reportDocx({
        t2: {
          new: [6, 0, 0, 0, 0, 0, 6],
          open: [4, 0, 0, 0, 0, 0, 4],
          u1: [1, 0, 0, 0, 0, 0, 1],
          total: [6, 0, 0, 0, 0, 0, 6],
        },
      }),
    );
    const f = out.findings.find((x) => x.ruleId === 't2-subtotal' || x.ruleId === 't2-balance');
    expect(f?.severity, show(out.findings)).toBe('error');
    const target = f?.targets[0];
    expect(target?.type).toBe('cell');
    if (target?.type === 'cell') expect(out.extracted.cellEls.has(target.key)).toBe(true);
  });

  it('blank, "/" and 0 stay apart', async () => {
    const out = await audit(
      await reportDocx({
        t2: { new: [2, '', 0, 0, 0, 0, 2], open: [2, '/', 0, 0, 0, 0, 2], total: [2, 0, 0, 0, 0, 0, 2] },
      }),
    );
    const t2 = out.report.tables.find((t) => t.kind === 't2');
    const kind = (row: string) => t2?.rows.find((r) => r.id === row)?.cells[1]?.kind;
    expect([kind('new'), kind('open'), kind('total')]).toEqual(['blank', 'na', 'number']);
    expect(out.findings.filter((f) => f.category === 'sum' && f.severity === 'error')).toEqual([]);
  });

  it('bytes that claim to be a DOCX but are a broken zip give a failure, never a throw', async () => {
    const good = await reportDocx();
    const r = await readLoaded({ bytes: good.slice(0, 200), url: null, contentType: null, name: 'x.docx' });
    expect(r.ok).toBe(false);
  });
});

const REAL = resolve(__dirname, '../../../shared/fixtures/real');

describe.runIf(existsSync(join(REAL, 'template2021.docx')))('the real blank template (../shared)', () => {
  it('template2021.docx: labels only — nothing to check, no false alarm', async () => {
    const out = await audit(new Uint8Array(readFileSync(join(REAL, 'template2021.docx'))));
    expect(out.report.isReport).toBe(false);
    expect(out.report.reason).toMatch(/template/);
    expect(
      out.findings.filter((f) => f.severity !== 'info'),
      show(out.findings),
    ).toEqual([]);
    // the 2021 labels as Word writes them
    expect(out.report.tables.find((t) => t.kind === 't1')?.template).toBe('2021');
    expect(out.report.tables.find((t) => t.kind === 't2')?.rows.filter((r) => r.id !== '?')).toHaveLength(25);
  });
});

/**
 * Numbers that cannot lie: what a cell's number is, exact sums, plain-digit formatting, and what the audit
 * says when a figure or a sum is past what can be stated exactly.
 */
import { describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { AuditResult, Cell, Evidence } from '../../lib/model/schema';
import { exactSum, fmt } from '../../lib/rules/arith';
import { parseCount, parseValue, plainNumber, toHalfWidth } from '../../lib/text/normalize';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml, byRule, show } from '../helpers';

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991

describe('what a cell is', () => {
  it('a number only as a safe integer or a faithful decimal; anything else is text, marked as a figure', () => {
    for (const [raw, value] of [
      ['9007199254740991', MAX],
      ['-9007199254740991', -MAX],
      ['１２', 12],
      ['1,234', 1234],
      ['-0', 0],
      ['12.5', 12.5],
      ['0.000001', 0.000001],
      ['12345678901234.5', 12345678901234.5],
    ] as const) {
      const p = parseValue(raw);
      expect(p.kind, raw).toBe('number');
      expect(Object.is(p.value, value), `${raw} → ${p.value}`).toBe(true);
    }
    for (const raw of [
      '9007199254740992',
      '9007199254740993',
      '1e308',
      '1E5',
      '0x10',
      '1'.repeat(400),
      '1234567890123456.5', // 17 significant digits: no double holds it
      '0.0000001', // would print as 1e-7
    ]) {
      const p = parseValue(raw);
      expect(p.kind, raw).toBe('text');
      expect(p.value, raw).toBeNull();
      expect(p.figure, raw).toBe(true);
    }
    expect(parseValue('行政许可').figure).toBe(false);
    expect(parseValue('/').kind).toBe('na');
  });
  it('narrative counts past the safe integers are not counts', () => {
    expect(parseCount('12')).toBe(12);
    expect(parseCount('99999999999999999999')).toBeNull();
  });
});

describe('full-width text', () => {
  it('full-width ASCII and the ideographic space become half-width; everything else is kept', () => {
    expect(toHalfWidth('索引号：ＡＢ１２３／２０２４－０１\u3000（一）１，２３４件；𠀀')).toBe(
      '索引号:AB123/2024-01 (一)1,234件;𠀀',
    );
    expect(toHalfWidth('！～')).toBe('!~');
    expect(toHalfWidth('\uff00\uff5f、。')).toBe('\uff00\uff5f、。');
    expect(toHalfWidth('plain 文本')).toBe('plain 文本');
  });
});

describe('exact arithmetic', () => {
  it('adds without rounding and refuses results past 2^53 − 1 or 15 significant digits', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([1.5], [0.5, 1])).toBe(0);
    expect(exactSum([MAX - 1, 1])).toBe(MAX);
    expect(exactSum([MAX, 1])).toBeNull();
    expect(exactSum([MAX, MAX], [MAX, MAX])).toBe(0); // exact even where a double would round
    expect(exactSum([MAX], [-MAX])).toBeNull(); // the difference is past 2^53
    expect(exactSum([12345678901234.5, 0.25])).toBeNull(); // 16 significant digits
    expect(exactSum([Number.POSITIVE_INFINITY])).toBeNull();
    expect(exactSum([2 ** 60])).toBeNull(); // not a cell's number
  });
  it('integer sums whose partial sums leave the safe range are still exact (the BigInt path)', () => {
    expect(exactSum([MAX, 1], [2])).toBe(MAX - 1);
    expect(exactSum([MAX, 2], [MAX, 1])).toBe(1);
    expect(exactSum([-MAX, -1], [-2])).toBe(-MAX + 1);
    expect(exactSum([3, 4], [7])).toBe(0);
    expect(exactSum([1, 0.5], [0.5])).toBe(1);
    expect(exactSum([1, Number.NaN])).toBeNull();
  });
  it('formats in plain digits, never exponent notation', () => {
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(5e-7, 20)).toBe('0.0000005');
    expect(plainNumber(0.1 + 0.2)).toBe('0.3');
    expect(plainNumber(-0)).toBe('0');
    expect(plainNumber(Number.NaN)).toBe('?');
    expect(fmt(1234567890123.45)).toBe('1234567890123.45');
    expect(fmt(MAX)).toBe('9007199254740991');
  });
});

describe('the schema', () => {
  it('refuses Infinity and NaN in evidence and cell values', () => {
    const cell = { key: 'k', raw: 'x', kind: 'number', decimal: false, unit: null };
    expect(Cell.safeParse({ ...cell, value: 1 }).success).toBe(true);
    expect(Cell.safeParse({ ...cell, value: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(Cell.safeParse({ ...cell, value: Number.NaN }).success).toBe(false);
    expect(Evidence.safeParse({ expected: 1, found: 2, difference: 1 }).success).toBe(true);
    expect(Evidence.safeParse({ expected: Number.POSITIVE_INFINITY }).success).toBe(false);
    expect(Evidence.safeParse({ difference: Number.NaN }).success).toBe(false);
  });
});

describe('sums past what can be stated', () => {
  it('safe addends whose sum passes 2^53 − 1: not verifiable, said so, and never an error', () => {
    const big = [MAX, MAX, 0, 0, 0, 0, 5];
    const out = auditHtml(reportPage({ t2: { ...simpleT2(1), new: big } }));
    expect(byRule(out, 't2-row-total'), show(out.findings)).toEqual([]);
    const f = byRule(out, 'extraction-unverifiable-sums').find((x) => x.message.zh.includes('2^53'));
    expect(f?.severity, show(out.findings)).toBe('info');
    expect(f?.message.zh).toContain('超出可精确核算的范围');
    expect(f?.message.en).toContain('cannot be verified');
    expect(f?.targets.some((t) => t.type === 'cell' && t.key === 't2:new:np')).toBe(true);
    expect(AuditResult.safeParse(toResult(out)).success).toBe(true);
  });
  it('cells of 10^308 that once summed to Infinity are text: not verifiable, the result valid', () => {
    const huge = `1${'0'.repeat(308)}`;
    const row = [huge, huge, 0, 0, 0, 0, huge];
    const out = auditHtml(reportPage({ t2: { ...simpleT2(1), new: row } }));
    const result = toResult(out);
    expect(AuditResult.safeParse(result).success).toBe(true);
    const f = byRule(out, 'extraction-unverifiable-sums');
    expect(f.map((x) => x.message.zh).join('\n'), show(out.findings)).toContain(
      '超出范围或无法精确读取的数字 3 格',
    );
    expect(
      out.findings.filter((x) => x.category === 'sum'),
      show(out.findings),
    ).toEqual([]);
  });
  it('large sums that do fit are checked exactly, with plain digits in the formula', () => {
    const a = 2 ** 52;
    const row = [a, a - 2, 0, 0, 0, 0, 2 * a - 1]; // one more than the parts
    const out = auditHtml(reportPage({ t2: { ...simpleT2(1), new: row } }));
    const [f] = byRule(out, 't2-row-total');
    expect(f?.evidence).toMatchObject({ found: 2 * a - 1, expected: 2 * a - 2, difference: 1 });
    expect(f?.message.zh).toContain('总计 9007199254740991 ≠');
    expect(f?.message.zh).toContain('差 1');
  });
  it('decimal figures add exactly and print without exponents', () => {
    const ok = auditHtml(reportPage({ t2: { ...simpleT2(1), new: ['0.1', '0.2', 0, 0, 0, 0, '0.3'] } }));
    expect(byRule(ok, 't2-row-total'), show(ok.findings)).toEqual([]);
    const off = auditHtml(
      reportPage({ t2: { ...simpleT2(1), new: ['0.000001', '0.000001', 0, 0, 0, 0, '0.0000015'] } }),
    );
    const [f] = byRule(off, 't2-row-total');
    expect(f?.evidence?.difference).toBeCloseTo(-0.0000005, 12);
    expect(f?.message.zh).toContain('差 0.0000005');
    expect(f?.message.zh).not.toMatch(/\d[eE][+-]?\d/);
  });
});

/**
 * Property: whatever the cells of tables 2 and 3 hold — huge numbers, exponents, hex, full-width digits,
 * negatives, decimals, "/", blanks, HTML metacharacters, very long strings — the result validates against
 * its schema, holds no Infinity, NaN or null where a number belongs, shows no exponent notation, and every
 * figure in its evidence is a safe integer or a finite decimal. No rule fails on the way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { AuditResult } from '../../lib/model/schema';
import { type CellValue, reportPage, T2_ROW_IDS_2021 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

const FW = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
const TWO53 = 2n ** 53n;

/** Hostile cell strings, each kind weighted so that every run mixes several. */
const hostile: fc.Arbitrary<CellValue> = fc.oneof(
  fc.nat({ max: 50 }),
  fc.bigInt({ min: TWO53 - 40n, max: TWO53 + 40n }).map(String),
  fc.bigInt({ min: -(10n ** 330n), max: 10n ** 330n }).map(String),
  fc.constantFrom('9007199254740991', '9007199254740993', '-9007199254740991', '4503599627370496'),
  fc
    .tuple(fc.integer({ min: -9, max: 9 }), fc.constantFrom('e', 'E', 'e+', 'e-', 'E+'), fc.nat({ max: 400 }))
    .map(([m, e, x]) => `${m}${e}${x}`),
  fc.constantFrom('1e308', '1.8e308', 'Infinity', 'NaN', '-0', '+5', '0x10', '0XFF', '0b101', '1_000'),
  fc.nat().map((n) => `0x${n.toString(16)}`),
  fc.nat({ max: 99999 }).map((n) => FW(String(n))),
  fc.integer({ min: -100000, max: -1 }),
  fc.tuple(fc.nat({ max: 10 ** 9 }), fc.stringMatching(/^\d{1,22}$/)).map(([i, f]) => `${i}.${f}`),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom('/', '／', '—', '-', '无', '', ' ', '&nbsp;', '1,234,567', '12,34', '１，２３４'),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '&amp;',
    '</td></tr>',
    '<!--',
  ),
  fc.string({
    unit: fc.constantFrom('数', '字', '甲', '乙', 'a', 'b', ' ', '<', '&', '"'),
    minLength: 1,
    maxLength: 20,
  }),
  fc.constantFrom('9'.repeat(400), '1'.repeat(5000), `${'8'.repeat(17)}.${'3'.repeat(17)}`),
);

const row7 = fc.array(hostile, { minLength: 7, maxLength: 7 });
const t2Spec = fc.dictionary(fc.constantFrom(...T2_ROW_IDS_2021), row7, { maxKeys: 12 });
const t3Spec = fc.option(fc.array(hostile, { minLength: 15, maxLength: 15 }), { nil: undefined });

/** Every number anywhere in the JSON-able result, with its path. */
function numbersIn(x: unknown, path = '$', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (typeof x === 'number') out.push([path, x]);
  else if (Array.isArray(x)) for (const [i, v] of x.entries()) numbersIn(v, `${path}[${i}]`, out);
  else if (x && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

const EXPONENT = /\d[eE][+-]?\d/;
const isFigure = (n: unknown) =>
  typeof n === 'number' && (Number.isSafeInteger(n) || (Number.isFinite(n) && !Number.isInteger(n)));

function checkResult(html: string): void {
  const result = toResult(auditHtml(html));
  const parsed = AuditResult.safeParse(result);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))).toBe(true);
  for (const [path, n] of numbersIn(result)) expect(Number.isFinite(n), path).toBe(true);
  // JSON turns Infinity and NaN into null: the result must survive the trip unchanged
  expect(JSON.parse(JSON.stringify(result)), 'JSON round trip').toEqual(result);
  for (const t of result.report.tables)
    for (const r of t.rows)
      for (const c of r.cells) {
        if (c.kind === 'number') expect(isFigure(c.value), `${c.key} ${c.raw}`).toBe(true);
        else expect(c.value, c.key).toBeNull();
      }
  for (const f of result.findings) {
    for (const lang of ['zh', 'en'] as const) {
      expect(f.message[lang], f.id).not.toMatch(EXPONENT);
      if (f.evidence?.formula) expect(f.evidence.formula[lang], f.id).not.toMatch(EXPONENT);
    }
    const ev = f.evidence;
    if (!ev) continue;
    for (const k of ['expected', 'found', 'difference'] as const) {
      if (k in ev) expect(isFigure(ev[k]), `${f.id} ${k}=${String(ev[k])}`).toBe(true);
    }
  }
  for (const [id, status] of Object.entries(result.coverage.rules)) expect(status, id).not.toBe('failed');
}

describe('hostile tables (property)', () => {
  it('every result validates and holds only faithful figures', () => {
    fc.assert(
      fc.property(t2Spec, t3Spec, fc.boolean(), (t2, t3, fullWidth) => {
        checkResult(reportPage({ t2, ...(t3 ? { t3 } : {}), fullWidthDigits: fullWidth }));
      }),
      { numRuns: 100 },
    );
  });

  it('the same with safe figures only: large, negative and decimal counts that do add up or do not', () => {
    const safe = fc.oneof(
      fc.integer({ min: -(2 ** 53 - 1), max: 2 ** 53 - 1 }),
      fc.constantFrom(2 ** 53 - 1, 2 ** 52, -(2 ** 53 - 1)),
      fc.nat({ max: 20 }),
      fc.tuple(fc.nat({ max: 10 ** 6 }), fc.nat({ max: 999 })).map(([i, f]) => `${i}.${f}`),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...T2_ROW_IDS_2021), fc.array(safe, { minLength: 7, maxLength: 7 })),
        fc.array(safe, { minLength: 15, maxLength: 15 }),
        (t2, t3) => checkResult(reportPage({ t2, t3 })),
      ),
      { numRuns: 60 },
    );
  });
});

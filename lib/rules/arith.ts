/**
 * The tables' arithmetic (DOMAIN.md §4, §5), shared by the sum rules and the "not verifiable" rule so both
 * judge every check the same way. A check over a blank, "/", text or lost cell is 'unverifiable', never an
 * error.
 */
import { T2_LEAVES_2019, T2_LEAVES_2021, T2_PARTS, T3_GROUPS } from '../format/tables';
import type { Cell, I18nText, TableKind } from '../model/schema';
import { plainNumber } from '../text/normalize';
import type { RuleContext } from './context';

export type SumStatus = 'ok' | 'mismatch' | 'unverifiable';

export interface Term {
  cell: Cell;
  /** Short label for the formula ("自然人", "（三）1"). */
  zh: string;
  en: string;
}

export interface SumCheck {
  /** Stable id: "t2:rowtotal:new", "t2:subtotal:np", "t2:balance:np", "t3:rv". */
  id: string;
  table: TableKind;
  kind: 'rowtotal' | 'subtotal' | 'balance' | 't3total';
  /** Left side: a single total cell (or for balance: 一 and 二). */
  left: Term[];
  /** Right side: the addends (or for balance: （七） and 四). */
  right: Term[];
  status: SumStatus;
  /**
   * Why a check is 'unverifiable': 'cells' — a term is not a number (blank, "/", text, lost); 'range' — every
   * term is a number, but a side or the difference is past what can be stated exactly (an integer past
   * 2^53 − 1, a decimal past 15 significant digits). Null for 'ok' and 'mismatch'.
   */
  reason: 'cells' | 'range' | null;
  leftValue: number | null;
  rightValue: number | null;
  /** left − right, exact (0 for 'ok'); null when unverifiable. */
  difference: number | null;
  /** Cells that stopped the check (reason 'cells'). */
  blockers: Cell[];
}

/**
 * Exact decimal arithmetic over cell values: a value is a BigInt of digits and a count of decimals, so sums
 * never round, never overflow and never reach Infinity. Cell values are safe integers or decimals of at
 * most 15 significant digits (lib/text/normalize.ts), whose shortest form is their written digits.
 */
interface Exact {
  digits: bigint;
  scale: number;
}

function exactOf(n: number): Exact | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n)) return Number.isSafeInteger(n) ? { digits: BigInt(n), scale: 0 } : null;
  const s = String(n);
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return null; // exponent form: outside the values a cell can hold
  const frac = m[3] ?? '';
  return { digits: BigInt(`${m[1]}${m[2]}${frac}`), scale: frac.length };
}

function rescale(x: Exact, scale: number): bigint {
  return x.digits * 10n ** BigInt(scale - x.scale);
}

function addAll(xs: Exact[], sign: 1n | -1n = 1n): Exact {
  const scale = Math.max(0, ...xs.map((x) => x.scale));
  let digits = 0n;
  for (const x of xs) digits += sign * rescale(x, scale);
  return { digits, scale };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The exact value as a number when a double states it exactly enough, else null (see SumCheck.reason). */
function toNumber(x: Exact): number | null {
  let { digits, scale } = x;
  while (scale > 0 && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  const abs = digits < 0n ? -digits : digits;
  if (scale === 0) return abs <= MAX_SAFE ? Number(digits) : null;
  if (abs.toString().length > 15) return null;
  const str = abs.toString().padStart(scale + 1, '0');
  const v = Number(`${digits < 0n ? '-' : ''}${str.slice(0, -scale)}.${str.slice(-scale)}`);
  return Math.abs(v) <= Number.MAX_SAFE_INTEGER ? v : null;
}

/**
 * The sum when every value and every partial sum is a safe integer (the counts of a report: nearly every
 * sum): a double adds those exactly, with no BigInt. Null otherwise, and exactSum works it out exactly.
 */
function integerSum(values: readonly number[], subtract: readonly number[]): number | null {
  let sum = 0;
  for (const v of values) {
    sum += v;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(sum)) return null;
  }
  for (const v of subtract) {
    sum -= v;
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(sum)) return null;
  }
  return sum;
}

/**
 * The exact sum of cell values (minus `subtract`, if given) as a number, or null when a value is not a
 * cell's number or the result cannot be stated exactly (an integer past 2^53 − 1, a decimal past 15
 * significant digits). Every rule that adds or subtracts figures goes through here.
 */
export function exactSum(values: readonly number[], subtract: readonly number[] = []): number | null {
  const plain = integerSum(values, subtract);
  if (plain !== null) return plain;
  const xs: Exact[] = [];
  for (const v of [...values, ...subtract]) {
    const x = exactOf(v);
    if (!x) return null;
    xs.push(x);
  }
  const plus = addAll(xs.slice(0, values.length));
  const minus = addAll(xs.slice(values.length), -1n);
  return toNumber(addAll([plus, minus]));
}

/** Would the check hold if every non-number cell were read as 0? (A hint for the reviewer.) */
export function holdsIfZero(check: SumCheck): boolean {
  const values = (ts: Term[]) => ts.map((t) => (t.cell.kind === 'number' ? (t.cell.value ?? 0) : 0));
  return exactSum(values(check.left), values(check.right)) === 0;
}

function evaluate(
  id: string,
  table: TableKind,
  kind: SumCheck['kind'],
  left: Term[],
  right: Term[],
): SumCheck {
  const blockers = [...left, ...right].map((t) => t.cell).filter((c) => c.kind !== 'number');
  const base = { id, table, kind, left, right, blockers };
  const none = { leftValue: null, rightValue: null, difference: null };
  if (blockers.length > 0) return { ...base, ...none, status: 'unverifiable', reason: 'cells' };
  const values = (ts: Term[]) => ts.map((t) => t.cell.value ?? 0);
  const l = exactSum(values(left));
  const r = exactSum(values(right));
  const d = exactSum(values(left), values(right));
  if (l === null || r === null || d === null)
    return { ...base, ...none, status: 'unverifiable', reason: 'range' };
  return {
    ...base,
    status: d === 0 ? 'ok' : 'mismatch',
    reason: null,
    leftValue: l,
    rightValue: r,
    difference: d,
  };
}

const COL_EN: Record<string, string> = {
  np: 'natural persons',
  biz: 'businesses',
  sci: 'research bodies',
  ngo: 'public-interest bodies',
  law: 'legal-service bodies',
  oth: 'others',
  total: 'total',
};

function t2Leaves(ctx: RuleContext): string[] {
  const t = ctx.table('t2');
  if (!t) return [];
  const single = t.rows.some((r) => r.id === 'o');
  return single ? T2_LEAVES_2019 : T2_LEAVES_2021;
}

const shortRow = (id: string): { zh: string; en: string } => {
  const map: Record<string, [string, string]> = {
    new: ['一', 'I'],
    carried: ['二', 'II'],
    total: ['（七）', '(7)'],
    forward: ['四', 'IV'],
    open: ['（一）', '(1)'],
    partial: ['（二）', '(2)'],
    o: ['（六）', '(6)'],
  };
  const m = map[id];
  if (m) return { zh: m[0], en: m[1] };
  const g = /^([nuro])(\d)$/.exec(id);
  if (g) {
    const grp = { n: ['（三）', '(3)'], u: ['（四）', '(4)'], r: ['（五）', '(5)'], o: ['（六）', '(6)'] }[
      g[1] as 'n'
    ];
    return { zh: `${grp[0]}${g[2]}`, en: `${grp[1]}.${g[2]}` };
  }
  return { zh: id, en: id };
};

/** Every arithmetic check of table 2, on every column (computed once per audit). */
export function t2Checks(ctx: RuleContext): SumCheck[] {
  return ctx.memo('t2Checks', () => computeT2Checks(ctx));
}

function computeT2Checks(ctx: RuleContext): SumCheck[] {
  const t = ctx.table('t2');
  if (!t) return [];
  const out: SumCheck[] = [];
  const term = (rowId: string, colId: string, zh: string, en: string): Term | null => {
    const cell = ctx.cell('t2', rowId, colId);
    return cell ? { cell, zh, en } : null;
  };
  // row totals: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他
  for (const row of t.rows) {
    if (row.id === '?' || row.cells.length !== 7) continue;
    const total = term(row.id, 'total', '总计', 'total');
    const parts = T2_PARTS.map((c) => term(row.id, c, ctx.colLabel('t2', c), COL_EN[c] ?? c));
    if (!total || parts.some((p) => !p)) continue;
    out.push(evaluate(`t2:rowtotal:${row.id}`, 't2', 'rowtotal', [total], parts as Term[]));
  }
  const leaves = t2Leaves(ctx).filter((id) => ctx.row('t2', id));
  const cols = ['np', 'biz', 'sci', 'ngo', 'law', 'oth', 'total'];
  // subtotal: （七）总计 = sum of the leaf rows of 三
  if (ctx.row('t2', 'total')) {
    for (const c of cols) {
      const total = term('total', c, '（七）总计', '(7) total');
      const parts = leaves.map((id) => {
        const s = shortRow(id);
        return term(id, c, s.zh, s.en);
      });
      if (!total || parts.some((p) => !p) || parts.length === 0) continue;
      out.push(evaluate(`t2:subtotal:${c}`, 't2', 'subtotal', [total], parts as Term[]));
    }
  }
  // balance: 一 + 二 = （七） + 四
  for (const c of cols) {
    const a = term('new', c, '一', 'I');
    const b = term('carried', c, '二', 'II');
    const s7 = term('total', c, '（七）', '(7)');
    const f = term('forward', c, '四', 'IV');
    if (!a || !b || !s7 || !f) continue;
    out.push(evaluate(`t2:balance:${c}`, 't2', 'balance', [a, b], [s7, f]));
  }
  return out;
}

/** Table 3: for each group, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (computed once per audit). */
export function t3Checks(ctx: RuleContext): SumCheck[] {
  return ctx.memo('t3Checks', () => computeT3Checks(ctx));
}

function computeT3Checks(ctx: RuleContext): SumCheck[] {
  const t = ctx.table('t3');
  if (!t?.rows[0]) return [];
  const out: SumCheck[] = [];
  const names: Array<[string, string, string]> = [
    ['keep', '结果维持', 'upheld'],
    ['fix', '结果纠正', 'corrected'],
    ['other', '其他结果', 'other'],
    ['pending', '尚未审结', 'pending'],
  ];
  for (const g of T3_GROUPS) {
    const get = (id: string) => ctx.cell('t3', 'data', `${g.id}_${id}`);
    const total = get('total');
    const parts = names.map(([id, zh, en]) => {
      const cell = get(id);
      return cell ? { cell, zh, en } : null;
    });
    if (!total || parts.some((p) => !p)) continue;
    out.push(
      evaluate(`t3:${g.id}`, 't3', 't3total', [{ cell: total, zh: '总计', en: 'total' }], parts as Term[]),
    );
  }
  return out;
}

/** A figure for a message or formula: plain digits, never exponent notation; "?" when there is none. */
const fmt = (n: number | null) => (n === null ? '?' : plainNumber(n, 20));

/** "总计 12 ≠ 自然人 5 + 商业企业 4 + … = 11，差 1" in both languages. */
export function formula(check: SumCheck): I18nText {
  const side = (ts: Term[], lang: 'zh' | 'en') =>
    ts.map((t) => `${t[lang]} ${fmt(t.cell.value)}`).join(' + ');
  const l = check.leftValue ?? 0;
  const r = check.rightValue ?? 0;
  const diff = fmt(check.difference === null ? null : Math.abs(check.difference));
  if (check.kind === 'balance') {
    return {
      zh: `${side(check.left, 'zh')} = ${fmt(l)} ≠ ${side(check.right, 'zh')} = ${fmt(r)}，差 ${diff}`,
      en: `${side(check.left, 'en')} = ${fmt(l)} ≠ ${side(check.right, 'en')} = ${fmt(r)}, difference ${diff}`,
    };
  }
  const target = check.left[0] as Term;
  const nonZero = check.right.filter((t) => (t.cell.value ?? 0) !== 0);
  const shown = check.right.length > 8 ? nonZero : check.right;
  const rest =
    check.right.length > 8
      ? (lang: 'zh' | 'en') => (lang === 'zh' ? '（其余各项为 0）' : ' (all other terms 0)')
      : () => '';
  const rhs = (lang: 'zh' | 'en') => (shown.length ? side(shown, lang) : '0') + rest(lang);
  return {
    zh: `${target.zh} ${fmt(l)} ≠ ${rhs('zh')} = ${fmt(r)}，差 ${diff}`,
    en: `${target.en} ${fmt(l)} ≠ ${rhs('en')} = ${fmt(r)}, difference ${diff}`,
  };
}

export { fmt };

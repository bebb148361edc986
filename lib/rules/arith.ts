/**
 * The tables' arithmetic (DOMAIN.md §4, §5), shared by the sum rules and the "not verifiable" rule so both
 * judge every check the same way. A check over a blank, "/", text or lost cell is 'unverifiable', never an
 * error.
 */
import { T2_LEAVES_2019, T2_LEAVES_2021, T2_PARTS, T3_GROUPS } from '../format/tables';
import type { Cell, I18nText, TableKind } from '../model/schema';
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
  leftValue: number | null;
  rightValue: number | null;
  /** Cells that stopped the check. */
  blockers: Cell[];
}

const EPS = 1e-9;

function evaluate(
  id: string,
  table: TableKind,
  kind: SumCheck['kind'],
  left: Term[],
  right: Term[],
): SumCheck {
  const blockers = [...left, ...right].map((t) => t.cell).filter((c) => c.kind !== 'number');
  const sum = (ts: Term[]) => ts.reduce((a, t) => a + (t.cell.value ?? 0), 0);
  if (blockers.length > 0) {
    return {
      id,
      table,
      kind,
      left,
      right,
      status: 'unverifiable',
      leftValue: null,
      rightValue: null,
      blockers,
    };
  }
  const l = sum(left);
  const r = sum(right);
  return {
    id,
    table,
    kind,
    left,
    right,
    status: Math.abs(l - r) < EPS ? 'ok' : 'mismatch',
    leftValue: l,
    rightValue: r,
    blockers,
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

const fmt = (n: number | null) =>
  n === null ? '?' : Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));

/** "总计 12 ≠ 自然人 5 + 商业企业 4 + … = 11，差 1" in both languages. */
export function formula(check: SumCheck): I18nText {
  const side = (ts: Term[], lang: 'zh' | 'en') =>
    ts.map((t) => `${t[lang]} ${fmt(t.cell.value)}`).join(' + ');
  const l = check.leftValue ?? 0;
  const r = check.rightValue ?? 0;
  const diff = fmt(Math.abs(l - r));
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

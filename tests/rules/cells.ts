/**
 * Cell locators as the reader sees them ("表二（依申请公开） 一、本年新收… × 总计"), written from the national
 * format (国办公开办函〔2021〕30号) so the rule tests state the labels independently of lib/.
 */
import type { Locator } from '../../lib/model/schema';

type CellLoc = Extract<Locator, { type: 'cell' }>;

const T2_ROWS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carried: '二、上年结转政府信息公开申请数量',
  open: '（一）予以公开',
  partial: '（二）部分公开',
  n1: '（三）1.属于国家秘密',
  n2: '（三）2.其他法律行政法规禁止公开',
  n3: '（三）3.危及“三安全一稳定”',
  n4: '（三）4.保护第三方合法权益',
  n5: '（三）5.属于三类内部事务信息',
  n6: '（三）6.属于四类过程性信息',
  n7: '（三）7.属于行政执法案卷',
  n8: '（三）8.属于行政查询事项',
  u1: '（四）1.本机关不掌握相关政府信息',
  u2: '（四）2.没有现成信息需要另行制作',
  u3: '（四）3.补正后申请内容仍不明确',
  r1: '（五）1.信访举报投诉类申请',
  r2: '（五）2.重复申请',
  r3: '（五）3.要求提供公开出版物',
  r4: '（五）4.无正当理由大量反复申请',
  r5: '（五）5.要求行政机关确认或重新出具已获取信息',
  o1: '（六）1.申请人无正当理由逾期不补正…',
  o2: '（六）2.申请人逾期未按收费通知要求缴纳费用…',
  o3: '（六）3.其他',
  o: '（六）其他处理',
  total: '（七）总计',
  forward: '四、结转下年度继续办理',
};

const T2_COLS: Record<string, string> = {
  np: '自然人',
  biz: '商业企业',
  sci: '科研机构',
  ngo: '社会公益组织',
  law: '法律服务机构',
  oth: '其他',
  total: '总计',
};

export const T2_PART_COLS = ['np', 'biz', 'sci', 'ngo', 'law', 'oth'] as const;

const T3_GROUPS: Record<string, string> = {
  rv: '行政复议',
  ld: '行政诉讼·未经复议直接起诉',
  lr: '行政诉讼·复议后起诉',
};
const T3_RESULTS: Record<string, string> = {
  keep: '结果维持',
  fix: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

const T1_ROWS: Record<string, string> = {
  gz: '规章',
  gf: '行政规范性文件',
  xk: '行政许可',
  cf: '行政处罚',
  qz: '行政强制',
  fee: '行政事业性收费',
};

/** Table 2, row × column: t2('new', 'total'). */
export function t2(row: string, col: string): CellLoc {
  const r = T2_ROWS[row];
  const c = T2_COLS[col];
  if (!r || !c) throw new Error(`unknown table 2 cell ${row}:${col}`);
  return { type: 'cell', table: 't2', key: `t2:${row}:${col}`, label: `表二（依申请公开） ${r} × ${c}` };
}

/** Table 3, group and result: t3('rv', 'total'). */
export function t3(group: string, result: string): CellLoc {
  const g = T3_GROUPS[group];
  const r = T3_RESULTS[result];
  if (!g || !r) throw new Error(`unknown table 3 cell ${group}_${result}`);
  return {
    type: 'cell',
    table: 't3',
    key: `t3:data:${group}_${result}`,
    label: `表三（复议诉讼） ${g}·${r}`,
  };
}

/** Table 1, row and value column (v1, v2, …): t1('gz', 'v1') → “… 规章 × 第1列”. */
export function t1(row: string, col: string): CellLoc {
  const r = T1_ROWS[row];
  if (!r) throw new Error(`unknown table 1 row ${row}`);
  return {
    type: 'cell',
    table: 't1',
    key: `t1:${row}:${col}`,
    label: `表一（主动公开） ${r} × ${col.replace(/^v/, '第')}列`,
  };
}

/** The cells of a table 2 row total, in the order the rule lists them: 总计 first, then the six columns. */
export const t2RowCells = (row: string): CellLoc[] => [
  t2(row, 'total'),
  ...T2_PART_COLS.map((c) => t2(row, c)),
];

const LEAVES_2021 = [
  'open',
  'partial',
  'n1',
  'n2',
  'n3',
  'n4',
  'n5',
  'n6',
  'n7',
  'n8',
  'u1',
  'u2',
  'u3',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
  'o1',
  'o2',
  'o3',
];
const LEAVES_2019 = [...LEAVES_2021.filter((r) => !/^o\d$/.test(r)), 'o'];

/** The cells of a （七） subtotal check in one column: （七） first, then every result row of the layout. */
export const t2SubtotalCells = (col: string, layout: '2021' | '2019' = '2021'): CellLoc[] => [
  t2('total', col),
  ...(layout === '2021' ? LEAVES_2021 : LEAVES_2019).map((r) => t2(r, col)),
];
